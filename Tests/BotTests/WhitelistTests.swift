import BotTesting
import DiscordSimulator
import Foundation
import Lending
import LendingBot
import PanelSimulator
import PanelTesting
import Postgres
import SimulatorSupport
import Testing

/// `/mcserver whitelist` end to end: the organizer or a panel user of a running loan puts players
/// on its server's whitelist through the panel's console, lists and removes them; bad names,
/// strangers and a stopped server are refused with nothing changed; the return takes every
/// player it knows of off the whitelist again.
@Suite("A loan's whitelist from Discord")
struct WhitelistTests {
    static func whitelist(_ driver: LoanDriver, _ action: String, player: String? = nil, id: Int? = nil,
                          as invoker: SimulatedInvoker = Persona.member) async throws -> String {
        var options: [SimulatedCommandOption] = [.string("action", action)]
        if let player { options.append(.string("player", player)) }
        if let id { options.append(.integer("id", id)) }
        return try await driver.content(try await driver.member(["whitelist"], options, as: invoker))
    }

    static func server(_ world: BotWorld) throws -> SimulatedPanelServer {
        try #require(world.panelWorld.panel.server(SeededGuild.serverIdentifier(1)))
    }

    @Test("the organizer adds a player: the console runs whitelist add, the list shows them, the audit has it; a second add changes nothing")
    func addAndList() async throws {
        try await BotWorld.with(servers: 1) { world in
            let driver = LoanDriver(world)
            let loan = try await driver.activeLoan()
            let added = try await Self.whitelist(driver, "add", player: "Steve_01")
            #expect(added.contains("Steve_01") && added.contains("#\(loan.id)"), "\(added)")
            #expect(try Self.server(world).whitelist == ["steve_01"])
            #expect(try Self.server(world).consoleCommands == ["whitelist add Steve_01"])
            let again = try await Self.whitelist(driver, "add", player: "steve_01")
            #expect(again.contains("すでに"), "\(again)")
            #expect(try Self.server(world).consoleCommands.count == 1)
            let listed = try await Self.whitelist(driver, "list")
            #expect(listed.contains("`Steve_01`") && listed.contains("1 人"), "\(listed)")
            let audit = try await AuditTable.list(workflowId: loan.id, on: world.pool).filter { $0.action == .whitelistAdd }
            #expect(audit.map(\.actor) == [Persona.member.userID] && audit.first?.detail["player"] == "Steve_01")

            let removed = try await Self.whitelist(driver, "remove", player: "STEVE_01")
            #expect(removed.contains("外しました"), "\(removed)")
            #expect(try Self.server(world).whitelist.isEmpty)
            driver.expectEveryRequestAccepted()
        }
    }

    @Test("refused with nothing changed: a name with a space, a name too long, a member of no loan, a stopped server")
    func refusals() async throws {
        try await BotWorld.with(servers: 1) { world in
            let driver = LoanDriver(world)
            let loan = try await driver.activeLoan()
            for bad in ["Steve Jobs", "ab", "a_name_far_too_long_for_minecraft", "Steve;op"] {
                let answer = try await Self.whitelist(driver, "add", player: bad)
                #expect(answer.contains("3 to 16 letters, digits or _"), "\(bad): \(answer)")
            }
            let stranger = try await Self.whitelist(driver, "add", player: "Alex", id: loan.id, as: Persona.otherMember)
            #expect(stranger.contains("Only the organizer and the panel users of loan #\(loan.id)"), "\(stranger)")
            let none = try await Self.whitelist(driver, "add", player: "Alex", as: Persona.otherMember)
            #expect(none.contains("no active loan whose whitelist you keep"), "\(none)")
            #expect(try Self.server(world).consoleCommands.isEmpty)

            world.panelWorld.panel.setPowerState(of: SeededGuild.serverIdentifier(1), to: "offline")
            let stopped = try await Self.whitelist(driver, "add", player: "Alex")
            #expect(stopped.contains("起動していません"), "\(stopped)")
            #expect(try await world.services.workflow.whitelistedPlayers(loan: loan.id, by: Persona.member.userID).isEmpty)
            let actions = try await AuditTable.list(workflowId: loan.id, on: world.pool).map(\.action).filter { $0 == .whitelistAdd || $0 == .whitelistRemove }
            #expect(actions == [.whitelistAdd, .whitelistRemove], "the add and its undoing are both audited")
        }
    }

    @Test("a panel that fails the command leaves the list as it was: the add is undone and audited, the member told")
    func panelFailureUndoes() async throws {
        try await BotWorld.with(servers: 1) { world in
            let driver = LoanDriver(world)
            let loan = try await driver.activeLoan()
            world.panelWorld.panel.injectFault(.status(503), on: .sendCommand)
            let answer = try await Self.whitelist(driver, "add", player: "Alex")
            #expect(!answer.contains("追加しました"), "\(answer)")
            #expect(try await world.services.workflow.whitelistedPlayers(loan: loan.id, by: Persona.member.userID).isEmpty)
            #expect(try Self.server(world).whitelist.isEmpty)
            let undone = try await AuditTable.list(workflowId: loan.id, on: world.pool).filter { $0.action == .whitelistRemove }
            #expect(undone.first?.detail["reason"] == "the panel refused the command")
        }
    }

    @Test("the return takes every player the loan's members added off the server's whitelist")
    func returnRemovesPlayers() async throws {
        try await BotWorld.with(servers: 1) { world in
            let driver = LoanDriver(world)
            let loan = try await driver.activeLoan()
            _ = try await Self.whitelist(driver, "add", player: "Steve_01")
            _ = try await Self.whitelist(driver, "add", player: "Alex")
            #expect(try Self.server(world).whitelist == ["steve_01", "alex"])
            _ = try await world.services.workflow.requestReturn(loan.id, by: Persona.member.userID, asModerator: false)
            try await world.drainTasks()
            #expect(try await driver.loan(loan.id).status == .returned)
            #expect(try Self.server(world).whitelist.isEmpty)
            #expect(try Self.server(world).consoleCommands.suffix(2) == ["whitelist remove Steve_01", "whitelist remove Alex"])
            let left = try await world.pool.query("""
                SELECT count(*)::int AS n FROM "WorkflowWhitelist" WHERE "workflowId" = \(loan.id) AND "removedAt" IS NULL
                """).first?.decode("n", as: Int.self)
            #expect(left == 0)
        }
    }
}
