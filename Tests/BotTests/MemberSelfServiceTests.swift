import BotTesting
import Clocks
import TestSupport
import Foundation
import Lending
import LendingBot
import PanelTesting
import DiscordSimulator
import SimulatorSupport
import Testing

@Suite("Members' self-service: mine, withdraw and help, end to end")
struct MemberSelfServiceTests {

    static func embed(_ answer: SimulatorJSON) throws -> SimulatorJSON {
        try #require(answer["embeds"]?.arrayValue?.first)
    }

    static func fieldNames(_ answer: SimulatorJSON) throws -> [String] {
        try embed(answer)["fields"]?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? []
    }

    // MARK: withdraw

    @Test("/mcserver withdraw confirms, then the click withdraws the member's only pending request, audited, and the moderators are told")
    func withdrawOnlyRequest() async throws {
        try await BotWorld.with { world in
            let driver = LoanDriver(world)
            let request = try await world.file()
            let command = try await driver.member(["withdraw"])
            #expect(try driver.callback(command).type == 4)
            #expect(try driver.isEphemeral(command))
            let confirmation = try await driver.answer(command)
            #expect(BotWorld.buttons(in: confirmation).map(\.id) == [ComponentRoute.withdrawRequest(workflowId: request.id).customID])
            #expect(try await driver.workflowStatus(request.id) == .pending, "the command alone withdraws nothing")

            let click = try await driver.click(.withdrawRequest(workflowId: request.id))
            #expect(try driver.isEphemeral(click))
            #expect(try await driver.content(click).contains("申請 #\(request.id) を取り下げました"))
            #expect(try await driver.workflowStatus(request.id) == .rejected)
            let audit = try #require(try await AuditTable.list(workflowId: request.id, on: world.pool).last)
            #expect(audit.action == .withdraw && audit.actor == Persona.member.userID)
            try await eventually("the moderators' notice of the withdrawal") {
                world.rest.sentMessages(in: SeededGuild.notifyChannelID).contains {
                    let text = $0["content"]?.stringValue ?? ""
                    return text.contains("#\(request.id)") && (text.contains("取り下げました") || text.contains("withdrew"))
                }
            }
            // A second click changes nothing and says who withdrew it.
            let again = try await driver.click(.withdrawRequest(workflowId: request.id))
            #expect(try await driver.content(again).contains("<@\(Persona.member.userID)>"))
            #expect(try await AuditTable.list(workflowId: request.id, on: world.pool).filter { $0.action == .withdraw }.count == 1)
            driver.expectEveryRequestAccepted()
            try await world.expectSpecValidBodies()
        }
    }

    @Test("withdrawing a request filed through the form takes the Approve / Reject buttons off the moderators' post")
    func withdrawEditsRequestPost() async throws {
        try await BotWorld.with { world in
            let driver = LoanDriver(world)
            _ = try await world.send(world.gateway.makeModalSubmitInteraction(customID: ComponentRoute.checkoutForm.customID,
                                                                              fields: CheckoutTests.fields(), as: Persona.member))
            try await eventually("the moderators' post") { !world.rest.sentMessages(in: SeededGuild.notifyChannelID).isEmpty }
            let post = try #require(world.rest.sentMessages(in: SeededGuild.notifyChannelID).first)
            let postID = try #require(post["id"]?.stringValue)
            #expect(!BotWorld.buttons(in: post).isEmpty)
            _ = try await driver.click(.withdrawRequest(workflowId: 1))
            #expect(try await driver.workflowStatus(1) == .rejected)
            // The withdrawal's edit comes last, whether or not the post was still being recorded when it was decided.
            try await eventually("the post's edit") {
                world.rest.message(postID, in: SeededGuild.notifyChannelID).map { message in
                    BotWorld.buttons(in: message).isEmpty && (message["content"]?.stringValue.map { $0.contains("取り下げました") || $0.contains("withdrew") } ?? false)
                } ?? false
            }
            let edited = try #require(world.rest.message(postID, in: SeededGuild.notifyChannelID))
            let content = edited["content"]?.stringValue ?? ""
            #expect(content.contains("#1") && (content.contains("取り下げました") || content.contains("withdrew")), "\(content)")
            // The moderators' Approve button, pressed after all, is told who withdrew it.
            let approve = try await world.click(.approveRequest(workflowId: 1))
            #expect(try await driver.content(approve).contains("<@\(Persona.member.userID)>"))
            driver.expectEveryRequestAccepted()
            try await world.expectSpecValidBodies()
        }
    }

    @Test("a member cannot withdraw someone else's request, by command or by a forwarded button; nothing changes")
    func withdrawSomeoneElses() async throws {
        try await BotWorld.with { world in
            let driver = LoanDriver(world)
            let request = try await world.file()
            let command = try await driver.member(["withdraw"], [.integer("id", request.id)], as: Persona.otherMember)
            #expect(try driver.isEphemeral(command))
            #expect(try await driver.content(command).contains("Only the applicant or the organizer of request #\(request.id)"))
            #expect(BotWorld.buttons(in: try await driver.answer(command)).isEmpty)
            let click = try await driver.click(.withdrawRequest(workflowId: request.id), as: Persona.otherMember)
            #expect(try await driver.content(click).contains("Only the applicant or the organizer"))
            let none = try await driver.member(["withdraw"], as: Persona.otherMember)
            #expect(try await driver.content(none).contains("no pending request"))
            #expect(try await driver.workflowStatus(request.id) == .pending)
            #expect(try await AuditTable.list(workflowId: request.id, on: world.pool).map(\.action) == [.request])
            driver.expectEveryRequestAccepted()
            try await world.expectSpecValidBodies()
        }
    }

    @Test("an ACTIVE loan cannot be withdrawn: the command and the button are refused and the loan stays lent")
    func withdrawActiveLoan() async throws {
        try await BotWorld.with { world in
            let driver = LoanDriver(world)
            let loan = try await driver.activeLoan()
            let command = try await driver.member(["withdraw"], [.integer("id", loan.id)])
            #expect(try await driver.content(command).contains("貸出中のため"))
            let click = try await driver.click(.withdrawRequest(workflowId: loan.id))
            #expect(try await driver.content(click).contains("貸出中のため"))
            let after = try await driver.loan(loan.id)
            #expect(after.status == .active && after.pteroServerId == loan.pteroServerId)
            driver.expectEveryRequestAccepted()
            try await world.expectSpecValidBodies()
        }
    }

    @Test("while the moderators prepare the server, the withdrawal is refused saying so, and the approval goes on")
    func withdrawWhilePreparing() async throws {
        try await BotWorld.with { world in
            let driver = LoanDriver(world)
            let request = try await world.file()
            _ = try await world.services.workflow.approve(request.id, by: Persona.moderator.userID,
                                                          usernames: [Persona.member.userID: LoanDriver.panelUsername(Persona.member)])
            let click = try await driver.click(.withdrawRequest(workflowId: request.id))
            #expect(try await driver.content(click).contains("モデレーターがすでにサーバーを準備中"))
            try await world.drainTasks()
            #expect(try await driver.workflowStatus(request.id) == .active)
            driver.expectEveryRequestAccepted()
            try await world.expectSpecValidBodies()
        }
    }

    @Test("with several pending requests, /mcserver withdraw offers a select; the choice shows the confirmation")
    func withdrawPick() async throws {
        try await BotWorld.with { world in
            let driver = LoanDriver(world)
            let first = try await world.file(description: "First")
            let second = try await world.file(description: "Second")
            let loan = try await driver.activeLoan(description: "Lent already")
            let typed: SimulatedCommandOption = .value("id", type: 4, .string(""), focused: true)
            let choices = try await driver.autocomplete("mcserver", ["withdraw"], [typed], as: Persona.member)
            #expect(choices.compactMap { $0["value"]?.intValue } == [first.id, second.id], "only the pending ones, not loan #\(loan.id)")
            #expect(try await driver.autocomplete("mcserver", ["withdraw"], [typed], as: Persona.otherMember).isEmpty)
            let command = try await driver.member(["withdraw"])
            let ids = BotWorld.customIDs(in: try await driver.answer(command))
            #expect(ids == [ComponentRoute.withdrawPick.customID])
            let pick = try await driver.click(.withdrawPick, values: [String(second.id)])
            #expect(BotWorld.buttons(in: try await driver.answer(pick)).map(\.id) == [ComponentRoute.withdrawRequest(workflowId: second.id).customID])
            _ = try await driver.click(.withdrawRequest(workflowId: second.id))
            #expect(try await driver.workflowStatus(second.id) == .rejected)
            #expect(try await driver.workflowStatus(first.id) == .pending)
            driver.expectEveryRequestAccepted()
            try await world.expectSpecValidBodies()
        }
    }

    // MARK: mine

    @Test("/mcserver mine lists the member's loan and request with server, address, version and end date, and the buttons that apply")
    func mine() async throws {
        try await BotWorld.with { world in
            let driver = LoanDriver(world)
            let loan = try await driver.activeLoan()
            let pending = try await world.file(description: "Autumn event")
            let theirs = try await world.file(description: "Bob's", applicant: Persona.otherMember.userID, organizer: Persona.otherMember.userID,
                                              panelUsers: [Persona.otherMember.userID])
            let command = try await driver.member(["mine"])
            #expect(try driver.isEphemeral(command))
            let answer = try await driver.answer(command)
            let names = try Self.fieldNames(answer)
            #expect(names.count == 2)
            #expect(names.first?.hasPrefix("#\(loan.id) ") == true && names.last?.hasPrefix("#\(pending.id) ") == true)
            #expect(!names.contains { $0.hasPrefix("#\(theirs.id) ") })
            let values = try Self.embed(answer)["fields"]?.arrayValue?.compactMap { $0["value"]?.stringValue } ?? []
            let tokyo = try #require(TimeZone(identifier: "Asia/Tokyo"))
            let end = CalendarDate(containing: try #require(loan.endDate), in: tokyo)
            let daysLeft = CalendarDate(containing: world.services.clock.date, in: tokyo).days(until: end)
            #expect(daysLeft >= 7)
            #expect(values.first?.contains("期限: \(end)（残り \(daysLeft) 日）") == true, "\(values)")
            #expect(values.first?.contains("`") == true, "the active loan shows its address: \(values)")
            #expect(values.first?.contains("1.21.4") == true)
            #expect(values.last?.contains("未定") == true, "\(values)")
            let end0 = try #require(loan.endDate)
            #expect(BotWorld.buttons(in: answer).map(\.id) == [
                ComponentRoute.extendLoan(workflowId: loan.id, seenEndDate: end0).customID,
                ComponentRoute.askReturn(workflowId: loan.id).customID,
                ComponentRoute.askWithdraw(workflowId: pending.id).customID,
            ])

            // Return opens the return's confirmation; Withdraw the withdrawal's.
            let askReturn = try await driver.click(.askReturn(workflowId: loan.id))
            #expect(BotWorld.buttons(in: try await driver.answer(askReturn)).map(\.id) == [ComponentRoute.returnLoan(workflowId: loan.id).customID])
            #expect(try await driver.loan(loan.id).status == .active)
            let askWithdraw = try await driver.click(.askWithdraw(workflowId: pending.id))
            #expect(BotWorld.buttons(in: try await driver.answer(askWithdraw)).map(\.id) == [ComponentRoute.withdrawRequest(workflowId: pending.id).customID])
            // Someone else's Withdraw button is refused.
            let forged = try await driver.click(.askWithdraw(workflowId: pending.id), as: Persona.otherMember)
            #expect(try await driver.content(forged).contains("Only the applicant or the organizer"))
            driver.expectEveryRequestAccepted()
            try await world.expectSpecValidBodies()
        }
    }

    @Test("/mcserver mine shows the most relevant eight and says how many were left out; with nothing it says how to ask")
    func mineWithinLimits() async throws {
        try await BotWorld.with { world in
            let driver = LoanDriver(world)
            let empty = try await driver.member(["mine"], as: Persona.otherMember)
            #expect(try await driver.content(empty).contains("You have no requests or loans yet"))

            var pending: [Int] = []
            for index in 0..<6 { pending.append(try await world.file(description: "Pending \(index)").id) }
            for index in 0..<4 {
                let dropped = try await world.file(description: "Dropped \(index)")
                _ = try await world.services.workflow.reject(dropped.id, by: Persona.moderator.userID, reason: nil)
            }
            let command = try await driver.member(["mine"])
            let answer = try await driver.answer(command)
            let names = try Self.fieldNames(answer)
            #expect(names.count == 8)
            #expect(Array(names.prefix(6)).map { $0.split(separator: " ").first.map(String.init) } == pending.map { "#\($0)" })
            #expect(try Self.embed(answer)["footer"]?["text"]?.stringValue?.contains("全 10 件") == true)
            let buttons = BotWorld.buttons(in: answer)
            #expect(buttons.count == 6 && (answer["components"]?.arrayValue?.count ?? 0) == 2)
            #expect(BotWorld.embedCharacters(in: answer) <= 6000)
            driver.expectEveryRequestAccepted()
            try await world.expectSpecValidBodies()
        }
    }

    // MARK: help

    @Test("/mcserver help lists the member commands in the member's language; moderators also see the admin commands")
    func help() async throws {
        try await BotWorld.with { world in
            let driver = LoanDriver(world)
            let japanese = try await driver.answer(try await driver.member(["help"]))
            let description = try Self.embed(japanese)["description"]?.stringValue ?? ""
            #expect(description.contains("メンバーのコマンド"))
            for name in ["checkout", "reset-password", "extend", "return", "withdraw", "mine", "help"] {
                #expect(description.contains("`/mcserver \(name)`"), "\(name)")
            }
            #expect(!description.contains("/mcserver-admin"))

            let english = try await driver.answer(try await driver.member(["help"], as: Persona.otherMember))
            let englishText = try Self.embed(english)["description"]?.stringValue ?? ""
            #expect(englishText.contains("Member commands") && englishText.contains("Show your requests and loans"))
            #expect(!englishText.contains("/mcserver-admin"))

            let asModerator = try await driver.member(["help"], as: Persona.moderator)
            #expect(try driver.isEphemeral(asModerator))
            let moderator = try await driver.answer(asModerator)
            let moderatorText = try Self.embed(moderator)["description"]?.stringValue ?? ""
            #expect(moderatorText.contains("`/mcserver-admin workflow approve`"))
            #expect(moderatorText.contains("`/mcserver mine`"))
            driver.expectEveryRequestAccepted()
            try await world.expectSpecValidBodies()
        }
    }
}

extension LoanDriver {
    func workflowStatus(_ id: Int) async throws -> WorkflowStatus {
        try await loan(id).status
    }
}
