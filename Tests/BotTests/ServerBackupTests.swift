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

@Suite("A moderator's backup of a lent server, end to end")
struct ServerBackupTests {
    static let server = "5e000001"

    static func backup(_ driver: LoanDriver, _ alias: String = "server01", as invoker: SimulatedInvoker = Persona.moderator) async throws -> String {
        try await driver.content(try await driver.admin(["server", "backup"], [.string("server", alias)], as: invoker))
    }

    @Test("server backup starts a locked backup of the held server, answers after a deferral and audits it on the loan")
    func backUpAHeldServer() async throws {
        try await BotWorld.with { world in
            let driver = LoanDriver(world)
            let loan = try await driver.activeLoan()
            let command = try await driver.admin(["server", "backup"], [.string("server", "server01")])
            #expect(try driver.callback(command).type == 5)
            #expect(try driver.isEphemeral(command))
            let content = try await driver.content(command)
            #expect(content.contains("Started the backup \"moderator backup of loan \(loan.id)"), "\(content)")
            #expect(content.contains("Recorded on loan #\(loan.id)"), "\(content)")
            let backups = world.panelWorld.panel.backups(of: Self.server)
            #expect(backups.count == 1)
            #expect(backups.first?.isLocked == true, "locked, so the renters cannot delete it and the return archives it")
            let audit = try await AuditTable.list(workflowId: loan.id, on: world.pool).filter { $0.action == .serverBackup }
            #expect(audit.map(\.actor) == [Persona.moderator.userID])
            #expect(audit.first?.detail["backup"] == backups.first?.uuid)
            #expect(audit.first?.detail["server"] == "server01")
            driver.expectEveryRequestAccepted()
        }
    }

    @Test("the panel's throttle and backup limit get their own words and leave no audit row")
    func throttleAndLimit() async throws {
        // The panel's own throttle (the seeded guild lifts it for the returns' backups).
        try await BotWorld.with(adjustPanel: { $0.backupThrottleLimit = 2 }) { world in
            let driver = LoanDriver(world)
            let loan = try await driver.activeLoan()
            #expect(try await Self.backup(driver).contains("Started the backup"))
            #expect(try await Self.backup(driver).contains("Started the backup"))
            // The panel allows two backups per server in ten minutes.
            let throttled = try await Self.backup(driver)
            #expect(throttled.contains("has made too many backups in the last minutes: try again in about"), "\(throttled)")
            world.panelWorld.panel.advance(by: .seconds(601))
            #expect(try await Self.backup(driver).contains("Started the backup"))
            // Three backups are the seeded servers' limit.
            let full = try await Self.backup(driver)
            #expect(full.contains("has reached its backup limit"), "\(full)")
            #expect(world.panelWorld.panel.backups(of: Self.server).filter { !$0.isDeleted }.count == 3)
            let audit = try await AuditTable.list(workflowId: loan.id, on: world.pool).filter { $0.action == .serverBackup }
            #expect(audit.count == 3)
        }
    }

    @Test("server backup refuses a free server, an unknown alias and a member, and makes no backup")
    func refusals() async throws {
        try await BotWorld.with { world in
            let driver = LoanDriver(world)
            _ = try await driver.activeLoan()
            let free = try await Self.backup(driver, "server02")
            #expect(free.contains("Server server02 is free (no loan holds it)"), "\(free)")
            #expect(world.panelWorld.panel.backups(of: "5e000002").isEmpty)
            let unknown = try await Self.backup(driver, "server99")
            #expect(unknown.contains("no server called server99"), "\(unknown)")
            let member = try await Self.backup(driver, as: Persona.member)
            #expect(member.contains("モデレーター"), "\(member)")
            #expect(world.panelWorld.panel.backups(of: Self.server).isEmpty)
            driver.expectEveryRequestAccepted()
        }
    }
}
