import BotTesting
import DiscordSimulator
import Foundation
import Lending
import LendingBot
import PanelSimulator
import PanelTesting
import Postgres
import SimulatorSupport
import TestSupport
import Testing

/// `/mcserver-admin checkout create [server]`: the request form, then the approval's own steps,
/// without a member's request; its refusals before anything is stored.
@Suite("A moderator's direct loan, end to end")
struct CheckoutCreateTests {
    static func fields(version: String = "1.21.4", period: String = "5", panelUsers: [SimulatedResolvedUser] = [Persona.resolved(Persona.member)])
        -> [SimulatedModalField] {
        [.textInput(customID: "description", value: "Staff build day"), .textInput(customID: "mcVersion", value: version),
         .textInput(customID: "periodDays", value: period), .userSelect(customID: "organizer", users: [Persona.resolved(Persona.member)]),
         .userSelect(customID: "panelUsers", users: panelUsers)]
    }

    static func workflowCount(_ world: BotWorld) async throws -> Int {
        try await world.pool.query(#"SELECT count(*)::int AS n FROM "Workflow""#).first?.decode("n", as: Int.self) ?? 0
    }

    @Test("the form opens; with accounts for everyone the loan is approved by the moderator at once, audited as direct, and becomes ACTIVE")
    func lendDirectly() async throws {
        try await BotWorld.with { world in
            try await world.giveAccount(to: Persona.member.userID, username: "alice")
            let driver = LoanDriver(world)
            let command = try await driver.admin(["checkout", "create"], [.string("server", "server02")])
            let form = try world.callback(command)
            #expect(form.type == 9)
            #expect(form.data["custom_id"]?.stringValue == ComponentRoute.createLoan(serverAlias: "server02").customID)

            let submit = try await world.submit(.createLoan(serverAlias: "server02"), Self.fields())
            let reply = try await world.answer(submit)
            #expect(reply["content"]?.stringValue?.contains("server02") == true, "\(reply)")
            let workflow = try #require(try await WorkflowTable.find(id: 1, on: world.pool))
            #expect(workflow.applicantDiscordId == Persona.moderator.userID && workflow.organizerDiscordId == Persona.member.userID)
            try await world.drainTasks()
            let active = try #require(try await world.workflow(workflow.id))
            #expect(active.status == .active && active.pteroServerId == SeededGuild.serverIdentifier(2))
            let audit = try await AuditTable.list(workflowId: workflow.id, on: world.pool)
            #expect(audit.map(\.action) == [.directLoan, .approvalRequested, .approve])
            #expect(audit.allSatisfy { $0.actor == Persona.moderator.userID })
            #expect(audit.first?.detail["server"] == "server02")
            #expect(world.panelWorld.panel.subusers(of: SeededGuild.serverIdentifier(2)).count == 1)
            // No "new request" post with Approve and Reject buttons: nobody has to decide it.
            let posts = world.rest.sentMessages(in: SeededGuild.notifyChannelID).compactMap { $0["content"]?.stringValue }
            #expect(!posts.contains { $0.contains("<@&\(SeededGuild.moderatorRoleID)>") && $0.contains("Staff build day") && $0.contains("#1 ") }, "\(posts)")
        }
    }

    @Test("a panel user without an account: Continue asks the username as an approval does, then the loan is approved")
    func usernamesAsked() async throws {
        try await BotWorld.with { world in
            let submit = try await world.submit(.createLoan(serverAlias: nil), Self.fields())
            let asked = try world.callback(submit)
            #expect(asked.data["content"]?.stringValue?.contains("Continue") == true, "\(asked.data)")
            #expect(BotWorld.buttons(in: asked.data).map(\.id) == [ComponentRoute.moreUsernames(workflowId: 1).customID])
            let more = try world.callback(try await world.click(.moreUsernames(workflowId: 1)))
            #expect(more.type == 9)
            let done = try await world.submit(.usernames(workflowId: 1), [.textInput(customID: Persona.member.userID, value: "alice-direct")])
            #expect(try await world.answer(done)["content"]?.stringValue?.contains("server01") == true)
            try await world.drainTasks()
            #expect(try await world.workflow(1)?.status == .active)
            #expect(try await PterodactylUserTable.find(discordId: Persona.member.userID, on: world.pool)?.username == "alice-direct")
        }
    }

    @Test("refusals store nothing: a member, a server in use, an unknown version, no free server, a bot panel user")
    func refusals() async throws {
        try await BotWorld.with(servers: 1) { world in
            try await world.giveAccount(to: Persona.member.userID, username: "alice")
            let driver = LoanDriver(world)
            let member = try await driver.content(try await driver.admin(["checkout", "create"], as: Persona.member))
            #expect(member.contains("モデレーター"), "\(member)")
            let memberSubmit = try world.callback(try await world.submit(.createLoan(serverAlias: nil), Self.fields(), as: Persona.member))
            #expect(memberSubmit.data["content"]?.stringValue?.contains("モデレーター") == true)

            let unknown = try world.callback(try await world.submit(.createLoan(serverAlias: nil), Self.fields(version: "1.21.99")))
            #expect(unknown.data["content"]?.stringValue?.contains("is not a Minecraft release") == true, "\(unknown.data)")
            let bot = try world.callback(try await world.submit(.createLoan(serverAlias: nil), Self.fields(panelUsers: [Persona.bot])))
            #expect(bot.data["content"]?.stringValue?.contains("bots cannot be chosen") == true, "\(bot.data)")
            #expect(try await Self.workflowCount(world) == 0)

            let loan = try await driver.activeLoan()
            let busy = try await driver.content(try await driver.admin(["checkout", "create"], [.string("server", "server01")]))
            #expect(busy.contains("Server server01 is not free (request #\(loan.id) holds it)"), "\(busy)")
            let none = try world.callback(try await world.submit(.createLoan(serverAlias: nil), Self.fields()))
            #expect(none.data["content"]?.stringValue?.contains("No server is free") == true, "\(none.data)")
            let named = try world.callback(try await world.submit(.createLoan(serverAlias: "server01"), Self.fields()))
            #expect(named.data["content"]?.stringValue?.contains("Server server01 is not free") == true, "\(named.data)")
            #expect(try await Self.workflowCount(world) == 1)
        }
    }

    @Test("two moderators lending the same server at once: one loan gets it, the other is told it is taken")
    func twoModerators() async throws {
        try await BotWorld.with(servers: 1) { world in
            try await world.giveAccount(to: Persona.member.userID, username: "alice")
            let other = SimulatedInvoker(userID: "1500000000000000007", username: "mod2", roleIDs: [SeededGuild.moderatorRoleID],
                                         permissions: SimulatedInvoker.memberPermissions, locale: "en-US")
            async let first = world.submit(.createLoan(serverAlias: "server01"), Self.fields())
            async let second = world.submit(.createLoan(serverAlias: "server01"), Self.fields(), as: other)
            let replies = [try await world.answer(try await first), try await world.answer(try await second)].compactMap { $0["content"]?.stringValue }
            #expect(replies.filter { $0.contains("not free") }.count == 1, "\(replies)")
            try await world.drainTasks()
            let held = try await world.pool.query(#"SELECT count(*)::int AS n FROM "Workflow" WHERE "status" = 'ACTIVE'"#).first?.decode("n", as: Int.self)
            #expect(held == 1)
        }
    }
}
