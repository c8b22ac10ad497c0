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

/// `/mcserver-admin checkout return id archive:false reset:false`: one return without its archive
/// or its reset, said on its history and in its notices, while the renters still lose access and
/// the backups are still deleted.
@Suite("A moderator's return without its archive or reset")
struct ReturnOptionsTests {
    static let server = SeededGuild.serverIdentifier(1)

    static func fileCount(_ world: BotWorld) -> Int {
        world.panelWorld.panel.server(server)?.files.values.reduce(0) { $0 + $1.count } ?? 0
    }

    static func withArchive(_ body: @Sendable (BotWorld, String) async throws -> Void) async throws {
        let archive = FileManager.default.temporaryDirectory.appendingPathComponent("return-options-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: archive, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: archive) }
        try await BotWorld.with(servers: 1, archiveDirectory: archive) { world in try await body(world, archive) }
    }

    @Test("archive:false and reset:false: nothing archived, the files kept, access and backups gone, the reason on the history and in the notice")
    func skipBoth() async throws {
        try await Self.withArchive { world, archive in
            let driver = LoanDriver(world)
            let loan = try await driver.activeLoan()
            let filesBefore = Self.fileCount(world)
            #expect(filesBefore > 0)
            let answer = try await driver.content(try await driver.admin(["checkout", "return"], [
                .integer("id", loan.id), .boolean("archive", false), .boolean("reset", false),
            ]))
            #expect(answer.contains("This return will not archive the backups"), "\(answer)")
            #expect(answer.contains("This return will not reset the server"), "\(answer)")
            try await world.drainTasks()
            #expect(try await driver.loan(loan.id).status == .returned)
            #expect(world.panelWorld.panel.subusers(of: Self.server).isEmpty)
            #expect(world.panelWorld.panel.backups(of: Self.server).isEmpty, "the backups are deleted all the same")
            #expect(Self.fileCount(world) == filesBefore, "the server was not reset")
            #expect(try FileManager.default.subpathsOfDirectory(atPath: archive).filter { $0.hasSuffix(".tar.gz") }.isEmpty)
            #expect(try await world.services.queries.archives(of: loan.id, limit: 5).0.isEmpty)

            let audit = try await AuditTable.list(workflowId: loan.id, on: world.pool)
            let asked = try #require(audit.first { $0.action == .returnRequested })
            #expect(asked.detail["archive"] == "skipped" && asked.detail["reset"] == "skipped")
            let done = try #require(audit.first { $0.action == .return })
            #expect(done.detail["archive"] == "skipped" && done.detail["reset"] == "skipped")
            let posts = world.rest.sentMessages(in: SeededGuild.notifyChannelID).compactMap { $0["content"]?.stringValue }
            #expect(posts.contains { $0.contains("was returned") && $0.contains("A moderator chose not to archive") }, "\(posts)")
            driver.expectEveryRequestAccepted()
        }
    }

    @Test("reset:false alone still archives; the default return archives and resets")
    func skipResetOnly() async throws {
        try await Self.withArchive { world, archive in
            let driver = LoanDriver(world)
            let loan = try await driver.activeLoan()
            let filesBefore = Self.fileCount(world)
            _ = try await driver.content(try await driver.admin(["checkout", "return"], [.integer("id", loan.id), .boolean("reset", false)]))
            try await world.drainTasks()
            #expect(Self.fileCount(world) == filesBefore)
            #expect(try FileManager.default.subpathsOfDirectory(atPath: archive).filter { $0.hasSuffix(".tar.gz") }.count == 1)
            let done = try #require(try await AuditTable.list(workflowId: loan.id, on: world.pool).first { $0.action == .return })
            #expect(done.detail["reset"] == "skipped" && done.detail["archive"] != "skipped")

            let next = try await driver.activeLoan()
            let plain = try await driver.content(try await driver.admin(["checkout", "return"], [.integer("id", next.id)]))
            #expect(!plain.contains("will not"), "\(plain)")
            try await world.drainTasks()
            #expect(Self.fileCount(world) < filesBefore, "the default return resets")
            let asked = try #require(try await AuditTable.list(workflowId: next.id, on: world.pool).first { $0.action == .returnRequested })
            #expect(asked.detail["archive"] == nil && asked.detail["reset"] == nil)
        }
    }

    @Test("a member cannot use the options, and a loan already being returned is refused with them too")
    func refusals() async throws {
        try await Self.withArchive { world, _ in
            let driver = LoanDriver(world)
            let loan = try await driver.activeLoan()
            let member = try await driver.content(try await driver.admin(["checkout", "return"], [.integer("id", loan.id), .boolean("reset", false)],
                                                                         as: Persona.member))
            #expect(member.contains("モデレーター"), "\(member)")
            _ = try await world.services.workflow.requestReturn(loan.id, by: Persona.moderator.userID, asModerator: true)
            let again = try await driver.content(try await driver.admin(["checkout", "return"], [.integer("id", loan.id), .boolean("archive", false)]))
            #expect(again.contains("already being returned"), "\(again)")
            let requests = try await AuditTable.list(workflowId: loan.id, on: world.pool).filter { $0.action == .returnRequested }
            #expect(requests.count == 1 && requests[0].detail["archive"] == nil)
        }
    }
}
