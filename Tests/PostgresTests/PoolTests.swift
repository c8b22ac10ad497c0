import Foundation
import Logging
import Postgres
import PostgresTesting
import Testing
import TestSupport

@Suite("The connection pool")
struct PoolTests {
    @Test("200 concurrent queries share 4 sessions and all succeed")
    func manyQueries() async throws {
        try await TestDatabase.with(maximumConnections: 4) { pool in
            let backends = try await withThrowingTaskGroup(of: Int.self) { group in
                for index in 0..<200 {
                    group.addTask {
                        let row = try #require(try await pool.query("SELECT pg_backend_pid() AS pid, \(index)::int + 1 AS next, pg_sleep(0.002)").first)
                        #expect(try row.decode("next", as: Int.self) == index + 1)
                        return try row.decode("pid", as: Int.self)
                    }
                }
                var seen = Set<Int>()
                for try await pid in group { seen.insert(pid) }
                return seen
            }
            #expect(backends.count <= 4)
            #expect(backends.count >= 2, "concurrent work should have opened more than one session")
        }
    }

    @Test("a freed session goes to the longest waiter first")
    func fairness() async throws {
        try await TestDatabase.with(maximumConnections: 1) { pool in
            let order = Recorder<Int>()
            var waiters: [Task<Void, any Error>] = []
            try await pool.withConnection { _ in
                // Queue five waiters in a known order while the only session is busy.
                for waiter in 0..<5 {
                    waiters.append(Task { try await pool.withConnection { _ in await order.append(waiter) } })
                    try await Task.sleep(for: .milliseconds(30))
                }
            }
            for waiter in waiters { try await waiter.value }
            #expect(await order.values == [0, 1, 2, 3, 4])
        }
    }

    @Test("a cancelled waiter leaves the line and the pool keeps working")
    func cancelledWaiter() async throws {
        try await TestDatabase.with(maximumConnections: 1) { pool in
            let waiter = try await pool.withConnection { _ in
                let waiter = Task { try await pool.query("SELECT 1") }
                try await Task.sleep(for: .milliseconds(50))
                waiter.cancel()
                return waiter
            }
            await #expect(throws: CancellationError.self) { try await waiter.value }
            #expect(try await pool.query("SELECT 2 AS two").first?.decode("two", as: Int.self) == 2)
        }
    }

    @Test("a transaction left open by a borrower is rolled back before the session is reused")
    func leftOpenTransaction() async throws {
        try await TestDatabase.with(maximumConnections: 1) { pool in
            try await pool.executeScript("CREATE TABLE t (x INT)", name: "create table")
            try await pool.withConnection { connection in
                try await connection.executeScript("BEGIN; INSERT INTO t VALUES (1)", name: "open transaction")
            }
            #expect(try await pool.query("SELECT count(*)::int AS n FROM t").first?.decode("n", as: Int.self) == 0)
        }
    }

    @Test("a closed pool refuses new work")
    func closed() async throws {
        try await TestDatabase.with { pool in
            await pool.close()
            let error = await #expect(throws: PostgresError.self) { try await pool.query("SELECT 1") }
            #expect(error?.kind == .poolClosed)
        }
    }
}


/// Polls `condition` every 10 ms for at most `seconds`.
func waitUntil(seconds: Double = 5, _ condition: () async -> Bool) async throws {
    let deadline = ContinuousClock.now + .seconds(seconds)
    while !(await condition()) {
        guard ContinuousClock.now < deadline else {
            Issue.record("condition not met within \(seconds) s")
            return
        }
        try await Task.sleep(for: .milliseconds(10))
    }
}
