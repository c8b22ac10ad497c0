import BotTesting
import DiscordSimulator
import Foundation
import Lending
import LendingBot
import PanelSimulator
import PanelTesting
import SimulatorSupport
import Testing

@Suite("Members' own loans and password, end to end")
struct MemberLoanTests {

    /// The integer option `id` as autocomplete sends it while typing: the raw text.
    static func typed(_ text: String) -> SimulatedCommandOption {
        .value("id", type: 4, .string(text), focused: true)
    }

    static func extendButton(_ loan: WorkflowRecord) throws -> String {
        let end = try #require(loan.endDate)
        return ComponentRoute.extendLoan(workflowId: loan.id, seenEndDate: end).customID
    }

    @Test("reset-password defers, sets a strong password on the member's own panel account and shows it only in the ephemeral reply")
    func resetPassword() async throws {
        try await BotWorld.with { world in
            let driver = LoanDriver(world)
            _ = try await driver.activeLoan()
            let username = LoanDriver.panelUsername(Persona.member)
            let before = world.panelWorld.panel.user(username: username)?.password

            let command = try await driver.member(["reset-password"])
            #expect(try driver.callback(command).type == 5)
            #expect(try driver.isEphemeral(command))
            let content = try await driver.content(command)
            #expect(content.contains(username))
            let password = try #require(content.components(separatedBy: "||`").dropFirst().first?.components(separatedBy: "`||").first)
            #expect(password.count >= 16)
            let account = try #require(world.panelWorld.panel.user(username: username))
            #expect(account.password == password && password != before)
            // The password travelled to Discord once, in the edit of the ephemeral reply.
            let carrying = world.rest.requests.filter { String(decoding: $0.rawBody, as: UTF8.self).contains(password) }
            #expect(carrying.map(\.route) == [.editOriginalResponse])
            driver.expectEveryRequestAccepted()
        }
    }

    @Test("reset-password without a panel account is refused at once and touches no account")
    func resetPasswordWithoutAccount() async throws {
        try await BotWorld.with { world in
            let driver = LoanDriver(world)
            let command = try await driver.member(["reset-password"], as: Persona.otherMember)
            #expect(try driver.callback(command).type == 4)
            #expect(try driver.isEphemeral(command))
            #expect(try await driver.content(command).contains("no panel account"))
            #expect(world.panelWorld.panel.requests(to: .updateUser).isEmpty)
            driver.expectEveryRequestAccepted()
        }
    }

    @Test("a panel failure during reset-password gets a short message saying what to do, and no panel text", arguments: [
        (500, "数分後にもう一度"), (403, "モデレーターに連絡"),
    ])
    func resetPasswordPanelFailure(status: Int, advice: String) async throws {
        try await BotWorld.with { world in
            let driver = LoanDriver(world)
            _ = try await driver.activeLoan()
            let username = LoanDriver.panelUsername(Persona.member)
            let before = world.panelWorld.panel.user(username: username)?.password
            // Enough for every retry the client makes of an idempotent PATCH.
            for _ in 0..<10 { world.panelWorld.panel.injectFault(.status(status), on: .updateUser) }
            let command = try await driver.member(["reset-password"])
            let content = try await driver.content(command)
            #expect(content.contains(advice), "\(content)")
            #expect(!content.contains("panel:") && !content.contains("HTTP"))
            #expect(world.panelWorld.panel.user(username: username)?.password == before)
            driver.expectEveryRequestAccepted()
        }
    }

    @Test("a double click on the extend button extends the loan once; the second click is told the new end date")
    func doubleClickExtendsOnce() async throws {
        try await BotWorld.with { world in
            let driver = LoanDriver(world)
            let loan = try await driver.activeLoan()
            let button = try Self.extendButton(loan)
            async let first = driver.click(button)
            async let second = driver.click(button)
            let clicks = try await [first, second]

            let extended = try await driver.loan(loan.id)
            #expect(extended.endDate == loan.endDate?.addingTimeInterval(7 * 86_400))
            let answers = try await clicks.asyncMap { try await driver.content($0) }
            #expect(answers.filter { $0.contains("7 日延長しました") }.count == 1, "\(answers)")
            #expect(answers.filter { $0.contains("すでに延長されています") }.count == 1, "\(answers)")
            #expect(try clicks.allSatisfy { try driver.isEphemeral($0) })
            // The reminder's old button is stale now too.
            _ = try await driver.click(button)
            #expect(try await driver.loan(loan.id).endDate == extended.endDate)
            driver.expectEveryRequestAccepted()
        }
    }

    @Test("a moderator pressing an organizer's extend button moves the end to the end of the day a week later, once")
    func moderatorPressesExtend() async throws {
        try await BotWorld.with { world in
            let driver = LoanDriver(world)
            let loan = try await driver.activeLoan()
            let button = try Self.extendButton(loan)
            let press = try await driver.click(button, as: Persona.moderator)
            let tokyo = try #require(TimeZone(identifier: "Asia/Tokyo"))
            let target = CalendarDate(containing: try #require(loan.endDate).addingTimeInterval(7 * 86_400), in: tokyo).end(in: tokyo)
            #expect(try await driver.loan(loan.id).endDate == target)
            #expect(try await driver.content(press).contains("ends on <t:\(Int(target.timeIntervalSince1970)):D>"))
            let again = try await driver.click(button, as: Persona.moderator)
            #expect(try await driver.content(again).contains("already extended"))
            #expect(try await driver.loan(loan.id).endDate == target)
            driver.expectEveryRequestAccepted()
        }
    }

    @Test("/mcserver extend extends a single loan at once, and offers a select when there are several")
    func extendCommand() async throws {
        try await BotWorld.with { world in
            let driver = LoanDriver(world)
            let first = try await driver.activeLoan(description: "First event")
            let command = try await driver.member(["extend"])
            #expect(try driver.isEphemeral(command))
            let content = try await driver.content(command)
            let end = try #require(try await driver.loan(first.id).endDate)
            #expect(end == first.endDate?.addingTimeInterval(7 * 86_400))
            #expect(content.contains("<t:\(Int(end.timeIntervalSince1970)):D>"), "\(content)")

            let second = try await driver.activeLoan(description: "Second event")
            let picker = try await driver.member(["extend"])
            let message = try await driver.answer(picker)
            let select = try #require(message["components"]?[0]?["components"]?[0])
            #expect(select["custom_id"]?.stringValue == ComponentRoute.extendPick.customID)
            let options = try #require(select["options"]?.arrayValue)
            #expect(options.count == 2)
            #expect(options.allSatisfy { ($0["label"]?.stringValue?.unicodeScalars.count ?? 101) <= 100 })
            let value = try #require(options.first { $0["label"]?.stringValue?.contains("Second event") == true }?["value"]?.stringValue)
            let pick = try await driver.click(.extendPick, values: [value])
            #expect(try await driver.content(pick).contains("#\(second.id)"))
            #expect(try await driver.loan(second.id).endDate == second.endDate?.addingTimeInterval(7 * 86_400))
            #expect(try await driver.loan(first.id).endDate == end)
            // The same choice again changes nothing.
            _ = try await driver.click(.extendPick, values: [value])
            #expect(try await driver.loan(second.id).endDate == second.endDate?.addingTimeInterval(7 * 86_400))
            driver.expectEveryRequestAccepted()
        }
    }

    @Test("a member can neither extend nor return someone else's loan, by command or by button")
    func someoneElsesLoan() async throws {
        try await BotWorld.with { world in
            let driver = LoanDriver(world)
            let loan = try await driver.activeLoan(organizer: Persona.otherMember)

            let extend = try await driver.member(["extend"], [.integer("id", loan.id)])
            #expect(try await driver.content(extend).contains("主催者"))
            let button = try await driver.click(try Self.extendButton(loan))
            #expect(try await driver.content(button).contains("主催者"))
            let returnCommand = try await driver.member(["return"], [.integer("id", loan.id)])
            #expect(try await driver.content(returnCommand).contains("主催者"))
            #expect(try driver.isEphemeral(returnCommand))
            let returnButton = try await driver.click(.returnLoan(workflowId: loan.id))
            #expect(try await driver.content(returnButton).contains("主催者"))
            // Without an id, the member has no loan of their own to act on.
            #expect(try await driver.content(try await driver.member(["return"])).contains("主催者の貸出中"))

            #expect(try await driver.loan(loan.id) == loan)
            #expect(try await driver.tasks(of: loan.id) == 1, "only the approval task")
            driver.expectEveryRequestAccepted()
        }
    }

    @Test("extending someone else's request by id says only that it is not theirs, never its status")
    func someoneElsesStatus() async throws {
        try await BotWorld.with { world in
            let driver = LoanDriver(world)
            let loan = try await driver.activeLoan(organizer: Persona.otherMember)
            _ = try await world.services.workflow.requestReturn(loan.id, by: Persona.otherMember.userID, asModerator: false)
            try await world.drainTasks()
            let pending = try await world.services.workflow.file(NewWorkflow(applicantDiscordId: Persona.otherMember.userID, description: "Later",
                                                                             mcVersion: "1.21.4", periodDays: 3,
                                                                             organizerDiscordId: Persona.otherMember.userID),
                                                                 panelUsers: [Persona.otherMember.userID])
            for id in [loan.id, pending.id] {
                let answer = try await driver.content(try await driver.member(["extend"], [.integer("id", id)]))
                #expect(answer.contains("主催者"), "\(answer)")
                #expect(!answer.contains("返却済み") && !answer.contains("審査中") && !answer.contains("貸出中"), "\(answer)")
            }
            driver.expectEveryRequestAccepted()
        }
    }

    @Test("an interaction from another guild is refused and leaves the guild's notice language alone")
    func otherGuildLanguage() async throws {
        try await BotWorld.with { world in
            let driver = LoanDriver(world)
            #expect(world.services.guildLanguage.language == .english)
            let stranger = Persona.otherMember.inGuild("1200000000000000099", locale: "ja")
            let answer = try await driver.content(try await driver.member(["extend"], as: stranger))
            #expect(answer.contains("server") || answer.contains("guild"), "\(answer)")
            #expect(world.services.guildLanguage.language == .english, "a foreign guild's locale does not reach the moderators' channel")
        }
    }

    @Test("the return confirmation queues the return task, and running the tasks returns the loan")
    func returnOwnLoan() async throws {
        try await BotWorld.with { world in
            let driver = LoanDriver(world)
            let loan = try await driver.activeLoan()
            let command = try await driver.member(["return"])
            #expect(try driver.isEphemeral(command))
            let confirmation = try await driver.answer(command)
            #expect(BotWorld.customIDs(in: confirmation) == [ComponentRoute.returnLoan(workflowId: loan.id).customID])
            #expect(try await driver.loan(loan.id).status == .active, "nothing happens before the click")

            async let first = driver.click(.returnLoan(workflowId: loan.id))
            async let second = driver.click(.returnLoan(workflowId: loan.id))
            let answers = try await [first, second].asyncMap { try await driver.content($0) }
            #expect(answers.filter { $0.contains("返却を受け付けました") }.count == 1, "\(answers)")
            #expect(answers.filter { $0.contains("返却処理中") }.count == 1, "\(answers)")
            #expect(try await driver.tasks(of: loan.id) == 2, "the approval and one return")

            try await driver.world.drainTasks()
            #expect(try await driver.loan(loan.id).status == .returned)
            driver.expectEveryRequestAccepted()
        }
    }

    @Test("a RETURNED loan cannot be extended: the command and the button are refused and nothing changes")
    func extendReturnedLoan() async throws {
        try await BotWorld.with { world in
            let driver = LoanDriver(world)
            let loan = try await driver.activeLoan()
            _ = try await world.services.workflow.requestReturn(loan.id, by: Persona.member.userID, asModerator: false)
            try await driver.world.drainTasks()
            let returned = try await driver.loan(loan.id)
            #expect(returned.status == .returned)

            let command = try await driver.member(["extend"], [.integer("id", loan.id)])
            #expect(try await driver.content(command).contains("返却済み"))
            let button = try await driver.click(try Self.extendButton(loan))
            #expect(try await driver.content(button).contains("返却済み"))
            #expect(try await driver.content(try await driver.member(["extend"])).contains("主催者の貸出中"))
            #expect(try await driver.loan(loan.id) == returned)
            driver.expectEveryRequestAccepted()
        }
    }

    @Test("autocomplete of /mcserver extend and return offers only the member's own ACTIVE loans, filtered by what was typed")
    func ownLoanAutocomplete() async throws {
        try await BotWorld.with { world in
            let driver = LoanDriver(world)
            let mine = try await driver.activeLoan(description: "Alice's build contest")
            let theirs = try await driver.activeLoan(organizer: Persona.otherMember)
            let other = try await driver.activeLoan(description: "Alice's parkour night")

            for command in ["extend", "return"] {
                let all = try await driver.autocomplete("mcserver", [command], [Self.typed("")], as: Persona.member)
                #expect(Set(all.compactMap { $0["value"]?.intValue }) == [mine.id, other.id])
                #expect(all.allSatisfy { ($0["name"]?.stringValue?.unicodeScalars.count ?? 101) <= 100 })
                let typed = try await driver.autocomplete("mcserver", [command], [Self.typed("PARKOUR")], as: Persona.member)
                #expect(typed.compactMap { $0["value"]?.intValue } == [other.id])
                #expect(typed.first?["name"]?.stringValue == "#\(other.id) Alice's parkour night")
            }
            let bob = try await driver.autocomplete("mcserver", ["extend"], [Self.typed("")], as: Persona.otherMember)
            #expect(bob.compactMap { $0["value"]?.intValue } == [theirs.id])
            driver.expectEveryRequestAccepted()
        }
    }
}

fileprivate extension Array {
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var result: [T] = []
        for element in self { result.append(try await transform(element)) }
        return result
    }
}
