import Foundation
import LendingBot
import Logging
import Postgres
import PostgresTesting
import Synchronization
import TestSupport
import Testing

/// `migrate --status`, `run --no-migrate`, `doctor --json` and `healthcheck` as processes.
@Suite("lending-bot migrate --status, run --no-migrate, doctor --json, healthcheck")
struct OperationsCommandTests {
    static let migrationNames = [
        "20261121000000_init", "20261122000000_lending_workflow", "20261204000000_minecraft_releases",
        "20261204000200_loan_isolation_hardening",
        "20261206000000_member_locale", "20261206100000_posted_message", "20261206110000_notice_outbox",
        "20261206120000_board",
        "20261206130000_workflow_whitelist", "20261206140000_server_types", "20261207100000_panel_users_task",
        "20261207200000_workflow_applicant_index",
    ]

    /// Whether `url`'s database has Prisma's migrations table: `status` and `--no-migrate` must not create it.
    static func hasMigrationsTable(_ url: String) async throws -> Bool {
        let pool = PostgresPool(try ConnectionConfiguration(url), maximumConnections: 1, logger: Logger(label: "test"))
        defer { Task { await pool.close() } }
        let result = try await pool.query(Query(unsafeSQL: "SELECT to_regclass('_prisma_migrations') IS NOT NULL AS present"), named: "find table")
        return try result.rows.first?.decode("present", as: Bool.self) ?? false
    }

    /// The `NAME  STATUS...` rows under a header starting with `header`, up to the blank line.
    static func rows(_ output: String, header: String) -> [String] {
        output.split(separator: "\n", omittingEmptySubsequences: false).drop { !$0.hasPrefix(header) }.dropFirst()
            .prefix { !$0.isEmpty }.map(String.init)
    }

    @Test("migrate --status lists every migration as pending, then as applied with its date, and changes nothing itself")
    func migrateStatus() async throws {
        try await CommandLineTests.withDatabaseURL { url in
            let before = try await CommandLineTests.run(["migrate", "--status"], ["DATABASE_URL": url])
            #expect(before.status == 0, "\(before.standardError)")
            let pending = Self.rows(before.standardOutput, header: "MIGRATION")
            #expect(pending.map { $0.split(separator: " ").first.map(String.init) } == Self.migrationNames, "\(before.standardOutput)")
            #expect(pending.allSatisfy { $0.hasSuffix("  pending") }, "\(before.standardOutput)")
            #expect(before.standardOutput.contains("0 applied, \(Self.migrationNames.count) pending: run lending-bot migrate to apply them."))
            #expect(try await !Self.hasMigrationsTable(url), "--status created _prisma_migrations")

            let migrated = try await CommandLineTests.run(["migrate"], ["DATABASE_URL": url])
            #expect(migrated.status == 0, "\(migrated.standardError)")

            let after = try await CommandLineTests.run(["migrate", "--status"], ["DATABASE_URL": url])
            #expect(after.status == 0, "\(after.standardError)")
            let applied = Self.rows(after.standardOutput, header: "MIGRATION")
            #expect(applied.count == Self.migrationNames.count)
            for row in applied {
                #expect(row.contains(/\ \ applied \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/), "\(row)")
            }
            #expect(after.standardOutput.contains("\(Self.migrationNames.count) applied, none pending."))
        }
    }

    @Test("run --no-migrate refuses a database with pending migrations, naming them, and applies nothing; once migrated it goes on")
    func runWithoutMigrating() async throws {
        try await CommandLineTests.withDatabaseURL { url in
            var values = CommandLineTests.completeButUnreachable
            values["DATABASE_URL"] = url
            let refused = try await CommandLineTests.run(["run", "--no-migrate"], values)
            #expect(refused.status == 1, "\(refused.standardError)")
            let lines = refused.standardError.split(separator: "\n")
            #expect(lines.count == 1, "\(refused.standardError)")
            for name in Self.migrationNames {
                #expect(refused.standardError.contains(name), "\(refused.standardError)")
            }
            #expect(refused.standardError.contains("lending-bot migrate"))
            #expect(!refused.standardOutput.contains("Applied"))
            #expect(try await !Self.hasMigrationsTable(url), "--no-migrate created _prisma_migrations")

            _ = try await CommandLineTests.run(["migrate"], ["DATABASE_URL": url])
            // Past the check, run stops at the Discord settings it lacks, as without --no-migrate.
            let ready = try await CommandLineTests.run(["run", "--no-migrate"], ["DATABASE_URL": url])
            #expect(ready.status == 78, "\(ready.standardError)")
            #expect(ready.standardOutput.contains("\(Self.migrationNames.count) migration(s) applied, none pending (--no-migrate: nothing applied)."), "\(ready.standardOutput)")
            #expect(ready.standardError.contains("DISCORD_TOKEN"))
        }
    }

    /// The shape `doctor --json` promises.
    struct DoctorJSON: Decodable {
        struct Check: Decodable {
            let name: String
            let status: String
            let detail: String
        }
        let checks: [Check]
        let ok: Bool
    }

    @Test("doctor --json is one JSON object with the table's checks, the same exit code, and no secret")
    func doctorJSON() async throws {
        var values = CommandLineTests.completeButUnreachable
        values["DISCORD_TOKEN"] = nil
        values["MINECRAFT_VERSION_MANIFEST_URL"] = "http://127.0.0.1:1/manifest.json"
        values["PTERODACTYL_URL"] = "http://127.0.0.1:1"
        let table = try await CommandLineTests.run(["doctor"], values)
        let json = try await CommandLineTests.run(["doctor", "--json"], values)
        #expect(json.status == table.status && json.status == 78, "\(json.standardError)")

        let document = try JSONDecoder().decode(DoctorJSON.self, from: Data(json.standardOutput.utf8))
        #expect(json.standardOutput.split(separator: "\n").count == 1, "not one line")
        #expect(document.ok == false)
        #expect(document.checks.allSatisfy { ["ok", "warning", "failed", "skipped"].contains($0.status) })
        // The table's names, read at its STATUS column (names hold spaces).
        let lines = table.standardOutput.split(separator: "\n", omittingEmptySubsequences: false)
        let column = try #require(lines.first?.range(of: "STATUS")).lowerBound.utf16Offset(in: String(lines[0]))
        let names = lines.dropFirst().prefix { !$0.isEmpty }.map { String($0.prefix(column)).trimmingCharacters(in: .whitespaces) }
        #expect(document.checks.map(\.name) == names)
        #expect(document.checks.contains { $0.name == "config DISCORD_TOKEN" && $0.status == "failed" && $0.detail.contains("DISCORD_TOKEN: required") })
        #expect(!json.standardOutput.contains("hunter2") && !json.standardError.contains("hunter2"))
    }

    @Test("healthcheck asks /livez (or /readyz with --ready): exit 0 on 200, 1 on 503 or no answer (one line, the reasons), 78 without HEALTH_LISTEN")
    func healthcheck() async throws {
        let alive = Mutex(true)
        let ready = Mutex(true)
        let liveness = HealthCheck(probes: [{ alive.withLock { $0 } ? nil : "task runner stalled" }], cacheLifetime: .zero)
        let readiness = HealthCheck(probes: [{ ready.withLock { $0 } ? nil : "gateway disconnected" }], cacheLifetime: .zero)
        let server = try await HealthServer.start(host: "127.0.0.1", port: 0, liveness: liveness, readiness: readiness,
                                                  metrics: BotMetrics(), logger: Logger(label: "test"))
        defer { Task { await server.stop() } }
        // A loaded machine may take more than the default 5 s to start the probe's process and answer.
        let listen = ["HEALTH_LISTEN": "127.0.0.1:\(server.port)"]

        let up = try await CommandLineTests.run(["healthcheck", "--timeout", "60"], listen)
        #expect(up.status == 0, "\(up.standardOutput)\(up.standardError)")
        #expect(up.standardOutput == "healthy: http://127.0.0.1:\(server.port)/livez answered 200\n")
        // An empty host is the loopback, where the health server binds it.
        let loopback = try await CommandLineTests.run(["healthcheck", "--timeout", "60"], ["HEALTH_LISTEN": ":\(server.port)"])
        #expect(loopback.status == 0, "\(loopback.standardError)")

        // Unready is not dead: the default probe stays healthy, --ready says why not.
        ready.withLock { $0 = false }
        let stillAlive = try await CommandLineTests.run(["healthcheck", "--timeout", "60"], listen)
        #expect(stillAlive.status == 0, "\(stillAlive.standardError)")
        let unready = try await CommandLineTests.run(["healthcheck", "--ready", "--timeout", "60"], listen)
        #expect(unready.status == 1)
        #expect(unready.standardError == "lending-bot: unhealthy: http://127.0.0.1:\(server.port)/readyz answered 503: gateway disconnected\n", "\(unready.standardError)")

        alive.withLock { $0 = false }
        let down = try await CommandLineTests.run(["healthcheck", "--timeout", "60"], listen)
        #expect(down.status == 1)
        #expect(down.standardError == "lending-bot: unhealthy: http://127.0.0.1:\(server.port)/livez answered 503: task runner stalled\n", "\(down.standardError)")

        let nobody = try await CommandLineTests.run(["healthcheck", "--timeout", "60"], ["HEALTH_LISTEN": "127.0.0.1:1"])
        #expect(nobody.status == 1)
        #expect(nobody.standardError.hasPrefix("lending-bot: unhealthy: no answer from http://127.0.0.1:1/livez"), "\(nobody.standardError)")
        #expect(nobody.standardError.split(separator: "\n").count == 1)

        let badTimeout = try await CommandLineTests.run(["healthcheck", "--timeout", "0"], listen)
        #expect(badTimeout.status != 0 && badTimeout.standardError.contains("--timeout"), "\(badTimeout.standardError)")

        let unset = try await CommandLineTests.run(["healthcheck"], [:])
        #expect(unset.status == 78)
        #expect(unset.standardError.contains("HEALTH_LISTEN: not set"))
        let invalid = try await CommandLineTests.run(["healthcheck"], ["HEALTH_LISTEN": "localhost"])
        #expect(invalid.status == 78)
        #expect(invalid.standardError.contains("HEALTH_LISTEN: expected host:port"))
    }
}
