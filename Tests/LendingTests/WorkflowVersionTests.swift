import Foundation
import Lending
import Postgres
import Testing

/// The request form's version against the catalog: a version Mojang never released is refused
/// naming the closest releases, and nothing is stored.
@Suite("Workflow: Minecraft versions that exist")
struct WorkflowVersionTests {
    typealias World = LendingWorld

    static func request(version: String) -> NewWorkflow {
        NewWorkflow(applicantDiscordId: World.member, description: "Event", mcVersion: version, periodDays: 7, organizerDiscordId: World.organizer)
    }

    static func rowCount(_ table: String, on pool: PostgresPool) async throws -> Int {
        try await pool.query(Query(unsafeSQL: "SELECT count(*)::int AS n FROM \"\(table)\""), named: "count rows").first?.decode("n", as: Int.self) ?? -1
    }

    @Test("a well-formed version that is no release is refused naming the closest releases; no row is stored", arguments: [
        ("1.21.12", ["26.1", "1.21.11", "1.21.10"]),
        ("27.1", ["26.2", "26.1", "1.21.11"]),
        ("1.7.3", ["1.7.4", "1.7.2", "1.6.4"]),
    ])
    func unknownVersion(version: String, closest: [String]) async throws {
        try await World.with(servers: 1) { world in
            await #expect(throws: LendingError.unknownMinecraftVersion(version, closest: closest)) {
                _ = try await world.service.file(Self.request(version: version), panelUsers: [World.member])
            }
            for table in ["Workflow", "WorkflowPanelUser", "WorkflowAudit"] {
                let rows = try await Self.rowCount(table, on: world.pool)
                #expect(rows == 0, "\(table)")
            }
        }
    }

    @Test("latest, a 1.x release and a year-based release are filed", arguments: ["latest", "1.20.1", "26.1"])
    func knownVersion(version: String) async throws {
        try await World.with(servers: 1) { world in
            let workflow = try await world.service.file(Self.request(version: version), panelUsers: [World.member])
            #expect(workflow.mcVersion == version)
        }
    }

    @Test("a moderator's edit to a version that is no release is refused and changes nothing; an unchanged version is not judged again")
    func edit() async throws {
        try await World.with(servers: 1) { world in
            let workflow = try await world.file()
            await #expect(throws: LendingError.unknownMinecraftVersion("26.5", closest: ["26.2", "26.1", "1.21.11"])) {
                _ = try await world.service.edit(workflow.id, by: World.moderator, description: "Finals", mcVersion: "26.5")
            }
            #expect(try await world.workflow(workflow.id) == workflow)
            #expect(try await AuditTable.list(workflowId: workflow.id, on: world.pool).filter { $0.action == .edit }.isEmpty)
            // A row stored before the catalog knew better keeps its version through other edits.
            try await world.pool.query(#"UPDATE "Workflow" SET "mcVersion" = '1.21.99' WHERE "id" = \#(workflow.id)"#, named: "old version")
            let edited = try await world.service.edit(workflow.id, by: World.moderator, description: "Finals", mcVersion: "1.21.99")
            #expect(edited.description == "Finals" && edited.mcVersion == "1.21.99")
        }
    }
}
