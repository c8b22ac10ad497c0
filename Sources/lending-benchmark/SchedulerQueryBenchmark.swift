import Foundation
import Lending
import Logging
import Postgres
import Synchronization

/// The scheduler's query (`WorkflowTable.activeEnding`, run on every tick) on 100,000 requests of
/// which 10,000 are ACTIVE: its time through the real code path, and PostgreSQL's plan for it.
struct SchedulerQueryBenchmark {
    struct Outcome: Sendable {
        let rows: Int
        let active: Int
        let returned: Int
        let timings: LatencySummary
        let plan: [String]

        /// The plan reads the workflows through an index, not a sequential scan.
        var usesIndex: Bool {
            plan.contains { $0.contains("Index Scan") || $0.contains("Index Only Scan") } && !plan.contains { $0.contains("Seq Scan") }
        }
    }

    let databaseURL: String
    let logger: Logger
    /// How far ahead the scheduler looks: its largest reminder window (`REMINDER_DAYS`, default 3 and 1).
    let horizon: TimeInterval = 3 * 86_400
    let runs: Int

    func run() async throws -> Outcome {
        let pool = PostgresPool(try ConnectionConfiguration(databaseURL), maximumConnections: 1, logger: logger)
        defer { Task { await pool.close() } }
        try await seed(pool)
        let until = Date().addingTimeInterval(horizon)
        var returned = 0
        var timings: [Double] = []
        for _ in 0..<runs {
            let started = ContinuousClock.now
            returned = try await WorkflowTable.activeEnding(before: until, on: pool).count
            timings.append(LoadDriver.milliseconds(ContinuousClock.now - started))
        }
        let active = try await pool.query(#"SELECT count(*) AS "n" FROM "Workflow" WHERE "status" = 'ACTIVE'"#).first?.decode("n", as: Int.self) ?? 0
        let rows = try await pool.query(#"SELECT count(*) AS "n" FROM "Workflow""#).first?.decode("n", as: Int.self) ?? 0
        return Outcome(rows: rows, active: active, returned: returned, timings: LatencySummary(timings), plan: try await plan(until: until, pool: pool))
    }

    /// 100,000 requests: every tenth ACTIVE, ending between 8 days ago and 42 days from now (one
    /// an hour, so a few hundred are due for a reminder or expiry); the rest PENDING, REJECTED
    /// or RETURNED. Statistics are refreshed so the planner sees the table as it is.
    private func seed(_ pool: PostgresPool) async throws {
        _ = try await pool.executeScript("""
            INSERT INTO "Workflow" ("applicantDiscordId", "description", "mcVersion", "periodDays", "organizerDiscordId", "status",
                                    "pteroServerId", "startDate", "endDate", "createdAt", "updatedAt")
            SELECT (1400000000000000000 + g % 5000)::text, 'Seeded request ' || g, '1.21.4', 7, (1400000000000000000 + g % 3000)::text,
                   (CASE WHEN g % 10 = 0 THEN 'ACTIVE' WHEN g % 10 < 4 THEN 'RETURNED' WHEN g % 10 < 6 THEN 'REJECTED' ELSE 'PENDING' END)::"WorkflowStatus",
                   CASE WHEN g % 10 = 0 THEN lpad(to_hex(g), 8, '0') END,
                   CASE WHEN g % 10 < 4 THEN (now() AT TIME ZONE 'UTC') - interval '30 days' END,
                   CASE WHEN g % 10 = 0 THEN (now() AT TIME ZONE 'UTC') + ((g / 10) % 1200 - 200) * interval '1 hour'
                        WHEN g % 10 < 4 THEN (now() AT TIME ZONE 'UTC') - (g % 2000) * interval '1 hour' END,
                   (now() AT TIME ZONE 'UTC') - interval '60 days', (now() AT TIME ZONE 'UTC')
            FROM generate_series(1, 100000) AS g;
            ANALYZE "Workflow";
            """, name: "seed workflows")
    }

    /// `EXPLAIN (ANALYZE, BUFFERS)` of exactly the statement `activeEnding` sends, its parameters
    /// written in as literals (they are a date and a limit this program made, never outside input).
    private func plan(until: Date, pool: PostgresPool) async throws -> [String] {
        let capture = CapturingExecutor()
        _ = try? await WorkflowTable.activeEnding(before: until, on: capture)
        guard let query = capture.captured else { return [] }
        var sql = query.sql
        for (index, bind) in query.binds.enumerated().reversed() {
            let literal = bind.text.map { "'" + $0.replacingOccurrences(of: "'", with: "''") + "'" } ?? "NULL"
            sql = sql.replacingOccurrences(of: "$\(index + 1)", with: literal)
        }
        let result = try await pool.query(Query(unsafeSQL: "EXPLAIN (ANALYZE, BUFFERS) " + sql), named: "explain scheduler query")
        return try result.rows.map { try $0.decode(0, as: String.self) }
    }
}

/// Keeps the statement a row-access function sends instead of running it.
private final class CapturingExecutor: QueryExecutor {
    private let query = Mutex<Query?>(nil)

    var captured: Query? { query.withLock { $0 } }

    struct NotRun: Error {}

    func query(_ query: Query, named name: String) async throws -> QueryResult {
        self.query.withLock { $0 = query }
        throw NotRun()
    }
}
