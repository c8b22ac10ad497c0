import BotTesting
import Clocks
import TestSupport
import DiscordSimulator
import Foundation
import Lending
import LendingBot
import PanelSimulator
import PanelTesting
import SimulatorSupport
import Testing

/// One loan through its whole life, driven only through Discord (the simulators) and the clock:
/// checkout → review → usernames → approval → reminder → the organizer's extension from the
/// reminder's direct message → expiry → automatic return with an archive → the server free again.
@Suite("A loan's whole life, end to end", .serialized)
struct LoanLifeTests {

    @Test("checkout to return and the server free again, every step through the bot")
    func wholeLife() async throws {
        let archive = FileManager.default.temporaryDirectory.appendingPathComponent("loan-life-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: archive, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: archive) }
        try await BotWorld.with(servers: 1, archiveDirectory: archive) { world in
            // The member files a request through the modal.
            _ = try await world.send(world.gateway.makeCommandInteraction(name: "mcserver", options: [.subcommand("checkout", [])], as: Persona.member))
            _ = try await world.send(world.gateway.makeModalSubmitInteraction(customID: ComponentRoute.checkoutForm.customID, fields: CheckoutTests.fields(
                panelUsers: [Persona.resolved(Persona.member)]), as: Persona.member))
            try await eventually("the moderators' notice") { !world.rest.sentMessages(in: SeededGuild.notifyChannelID).isEmpty }

            // The moderator presses Approve on the notice: the member has no panel account yet,
            // so a modal asks for the username; submitting it starts the approval.
            let approve = try await world.click(.approveRequest(workflowId: 1))
            #expect(try world.callback(approve).type == 9)
            let names = try await world.submit(.usernames(workflowId: 1), [.textInput(customID: Persona.member.userID, value: "alice_builds")])
            #expect(try world.callback(names).type == 5)
            #expect(try await world.answer(names)["content"]?.stringValue?.contains("server01") == true)
            try await world.drainTasks()
            let active = try #require(try await WorkflowTable.find(id: 1, on: world.pool))
            #expect(active.status == .active)
            #expect(world.rest.roles(of: Persona.member.userID).contains(SeededGuild.panelUserRoleID))
            #expect(world.panelWorld.panel.subusers(of: SeededGuild.serverIdentifier(1)).map(\.email) == ["alice_builds@kpw.local"])
            let dmChannel = try #require(world.rest.dmChannelID(for: Persona.member.userID))
            #expect(world.rest.sentMessages(in: dmChannel).contains { $0["content"]?.stringValue?.contains("alice_builds") == true })

            // Three days before the end the scheduler reminds the organizer by DM, with an extend button.
            let end = try #require(active.endDate)
            world.panelWorld.panel.advance(by: .seconds(Int64(end.timeIntervalSince(world.services.clock.date) - 3 * 86_400 + 60)))
            #expect(try await world.scheduler.tick().remindersSent == 1)
            let reminder = try #require(world.rest.sentMessages(in: dmChannel).last)
            let extend = try #require(BotWorld.customIDs(in: reminder).first { id in
                if case .extendLoan(workflowId: 1, _)? = ComponentRoute(customID: id) { true } else { false }
            })

            // The organizer presses it in the DM: seven more days, once even if pressed twice.
            let firstPress = try await world.click(extend, as: Persona.member.inDirectMessages)
            let secondPress = try await world.click(extend, as: Persona.member.inDirectMessages)
            #expect(try world.callback(firstPress).data["content"]?.stringValue?.contains("延長しました") == true)
            #expect(try world.callback(secondPress).data["content"]?.stringValue?.contains("すでに延長") == true)
            let extended = try #require(try await WorkflowTable.find(id: 1, on: world.pool)?.endDate)
            #expect(extended == end.addingTimeInterval(7 * 86_400))
            // The moderators are told in the notify channel; a further extension of their own is
            // refused (CHECKOUT_EXTEND_LIMIT is 1), and the end date stays.
            try await eventually("the extension's channel post") {
                world.rest.sentMessages(in: SeededGuild.notifyChannelID).contains { $0["content"]?.stringValue?.contains("→") == true }
            }
            let third = try await world.send(world.gateway.makeCommandInteraction(name: "mcserver", options: [.subcommand("extend", [])], as: Persona.member))
            try await eventually("the refusal") { world.rest.originalResponse(for: third.id) != nil }
            let refused = world.rest.originalResponse(for: third.id)?["content"]?.stringValue ?? ""
            #expect(refused.contains("これ以上ご自身では延長できません"), "\(refused)")
            #expect(try await WorkflowTable.find(id: 1, on: world.pool)?.endDate == extended)

            // Past the end, the scheduler returns the loan: archive, revoke, reset, RETURNED.
            world.panelWorld.panel.advance(by: .seconds(Int64(extended.timeIntervalSince(world.services.clock.date) + 60)))
            #expect(try await world.scheduler.tick().returnsQueued == 1)
            try await world.drainTasks()
            #expect(try await WorkflowTable.find(id: 1, on: world.pool)?.status == .returned)
            #expect(world.panelWorld.panel.subusers(of: SeededGuild.serverIdentifier(1)).isEmpty)
            let archived = try FileManager.default.subpathsOfDirectory(atPath: archive).filter { $0.hasSuffix(".tar.gz") }
            #expect(archived.count == 1 && archived[0].contains("1_"), "\(archived)")
            // The member's Discord client is in Japanese (they opened the form from it), so their DM is too.
            #expect(world.rest.sentMessages(in: dmChannel).last?["content"]?.stringValue?.contains("返却されました") == true)
            // The moderators read the return in the notify channel once, in the guild's language.
            let returnPosts = world.rest.sentMessages(in: SeededGuild.notifyChannelID).filter {
                $0["content"]?.stringValue?.hasPrefix("Loan #1 ") == true && $0["content"]?.stringValue?.contains("was returned") == true
            }
            #expect(returnPosts.count == 1, "\(world.rest.sentMessages(in: SeededGuild.notifyChannelID).map { $0["content"] })")

            // The server is free again: the next request gets it.
            let next = try await world.services.workflow.file(NewWorkflow(
                applicantDiscordId: Persona.otherMember.userID, description: "Next event", mcVersion: "latest", periodDays: 3,
                organizerDiscordId: Persona.otherMember.userID), panelUsers: [Persona.member.userID])
            let approval = try await world.services.workflow.approve(next.id, by: Persona.moderator.userID)
            #expect(approval.serverAlias == "server01")
        }
    }
}
