import BotTesting
import DiscordSimulator
import Foundation
import Lending
import LendingBot
import PanelSimulator
import PanelTesting
import Testing

@Suite("A moderator's power signal to a server, end to end")
struct ServerPowerTests {
    static func server(_ world: BotWorld) throws -> SimulatedPanelServer {
        try #require(world.panelWorld.panel.server(SeededGuild.serverIdentifier(1)))
    }

    @Test("server power sends the signal after a deferral, answers the state the panel reports and audits it on the loan holding the server")
    func stopAHeldServer() async throws {
        try await BotWorld.with { world in
            let driver = LoanDriver(world)
            let loan = try await driver.activeLoan()
            world.panelWorld.panel.setPowerState(of: "5e000001", to: "running")
            let command = try await driver.admin(["server", "power"], [.string("server", "server01"), .string("signal", "stop")])
            #expect(try driver.callback(command).type == 5)
            #expect(try driver.isEphemeral(command))
            let content = try await driver.content(command)
            #expect(content.contains("Sent `stop` to server server01 (`5e000001`)"), "\(content)")
            // The loan's approval read `/resources` moments ago: the panel's 20-second cache still says running.
            #expect(content.contains("The panel reports: Running (it can take about 20 seconds to show the change)"), "\(content)")
            #expect(content.contains("#\(loan.id)"), "\(content)")
            #expect(try Self.server(world).powerState == "stopping")
            let audit = try await AuditTable.list(workflowId: loan.id, on: world.pool).filter { $0.action == .serverPower }
            #expect(audit.map(\.actor) == [Persona.moderator.userID])
            #expect(audit.first?.detail == ["signal": "stop", "server": "server01"])
            #expect(audit.first?.fromStatus == .active && audit.first?.toStatus == .active)
            driver.expectEveryRequestAccepted()
        }
    }

    @Test("server power on a free server sends the signal and audits nothing")
    func startAFreeServer() async throws {
        try await BotWorld.with { world in
            let driver = LoanDriver(world)
            world.panelWorld.panel.setPowerState(of: "5e000002", to: "offline")
            let content = try await driver.content(try await driver.admin(["server", "power"], [.string("server", "server02"), .string("signal", "start")]))
            #expect(content.contains("Sent `start` to server server02"), "\(content)")
            #expect(content.contains("Starting"), "\(content)")
            #expect(!content.contains("#"), "no loan holds the server: \(content)")
            #expect(world.panelWorld.panel.server("5e000002")?.powerState == "starting")
            driver.expectEveryRequestAccepted()
        }
    }

    @Test("server power refuses an unknown alias, a member, and a suspended server, changing nothing")
    func refusals() async throws {
        try await BotWorld.with { world in
            let driver = LoanDriver(world)
            let loan = try await driver.activeLoan()
            world.panelWorld.panel.setPowerState(of: "5e000001", to: "running")

            let unknown = try await driver.admin(["server", "power"], [.string("server", "server99"), .string("signal", "kill")])
            #expect(try await driver.content(unknown).contains("no server called server99"))
            let member = try await driver.admin(["server", "power"], [.string("server", "server01"), .string("signal", "kill")], as: Persona.member)
            #expect(try await driver.content(member).contains("モデレーター"))
            #expect(try Self.server(world).powerState == "running")

            world.panelWorld.panel.setStatus(of: "5e000001", to: "suspended")
            let refused = try await driver.content(try await driver.admin(["server", "power"], [.string("server", "server01"), .string("signal", "kill")]))
            #expect(refused.contains("suspended"), "\(refused)")
            #expect(!refused.contains("Sent"), "\(refused)")
            #expect(try Self.server(world).powerState == "running")
            let audit = try await AuditTable.list(workflowId: loan.id, on: world.pool).filter { $0.action == .serverPower }
            #expect(audit.isEmpty, "a refused signal leaves no audit row")
            driver.expectEveryRequestAccepted()
        }
    }
}
