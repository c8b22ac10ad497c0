import Postgres
import PostgresTesting
import Testing

/// Each session prepares a statement the first time it sends it and executes it by name after
/// that. These tests use one session (`maximumConnections: 1`), so what one statement prepared
/// the next one finds, and read the server's own list of the session's prepared statements.
@Suite("Prepared statements")
struct PreparedStatementTests {
    static let select = "SELECT x FROM t WHERE x >= $1"

    /// The session's prepared statements whose text is `sql`.
    static func preparedCount(_ sql: String, on pool: PostgresPool) async throws -> Int {
        try #require(try await pool.query("SELECT count(*)::int AS n FROM pg_prepared_statements WHERE statement = \(sql)")
            .first?.decode("n", as: Int.self))
    }

    @Test("a statement sent again is prepared once, in a transaction or not, and gives the same results")
    func preparedOnce() async throws {
        try await TestDatabase.with(maximumConnections: 1) { pool in
            try await pool.executeScript("CREATE TABLE t (x INT)", name: "create table")
            try await pool.query("INSERT INTO t VALUES (\(1)), (\(2)), (\(3))")
            #expect(try await Self.preparedCount(Self.select, on: pool) == 0)
            for minimum in 1...3 {
                let rows = try await pool.query("SELECT x FROM t WHERE x >= \(minimum)").rows.map { try $0.decode("x", as: Int.self) }
                #expect(rows.sorted() == Array(minimum...3))
            }
            let inTransaction = try await pool.withTransaction { tx in
                try await tx.query("SELECT x FROM t WHERE x >= \(3)").rows.map { try $0.decode("x", as: Int.self) }
            }
            #expect(inTransaction == [3])
            #expect(try await Self.preparedCount(Self.select, on: pool) == 1)
        }
    }

    @Test("a migration that changes the columns under a prepared SELECT *: the next use answers with the new columns, alone or in a transaction that runs once")
    func columnsChanged() async throws {
        try await TestDatabase.with(maximumConnections: 1) { pool in
            try await pool.executeScript("CREATE TABLE t (x INT); CREATE TABLE log (n INT)", name: "create tables")
            try await pool.query("INSERT INTO t VALUES (\(1))")
            #expect(try await pool.query("SELECT * FROM t").columns.map(\.name) == ["x"])

            try await pool.executeScript("ALTER TABLE t ADD COLUMN y INT", name: "add a column")
            #expect(try await pool.query("SELECT * FROM t").columns.map(\.name) == ["x", "y"])

            try await pool.executeScript("ALTER TABLE t ADD COLUMN z INT", name: "add another column")
            let columns = try await pool.withTransaction { tx in
                try await tx.query("INSERT INTO log VALUES (\(1))")
                return try await tx.query("SELECT * FROM t").columns.map(\.name)
            }
            #expect(columns == ["x", "y", "z"])
            // The first attempt, refused at the stale SELECT, was rolled back before the second.
            #expect(try await pool.query("SELECT count(*)::int AS n FROM log").first?.decode("n", as: Int.self) == 1)

            // Queued for the COMMIT: the commit never ran the first time, and the transaction runs again.
            try await pool.executeScript("ALTER TABLE t ADD COLUMN w INT", name: "add a fourth column")
            try await pool.withTransaction { tx in
                tx.queue("INSERT INTO log SELECT count(*)::int FROM (SELECT * FROM t) AS rows", named: "queued")
                try await tx.query("INSERT INTO log VALUES (\(2))")
            }
            #expect(try await pool.query("SELECT count(*)::int AS n FROM log").first?.decode("n", as: Int.self) == 3)
        }
    }

    @Test("statements the server forgot (DEALLOCATE ALL) are prepared again, and the statement that found out runs")
    func forgotten() async throws {
        try await TestDatabase.with(maximumConnections: 1) { pool in
            try await pool.executeScript("CREATE TABLE t (x INT)", name: "create table")
            try await pool.query("INSERT INTO t VALUES (\(5))")
            #expect(try await pool.query("SELECT x FROM t WHERE x >= \(1)").count == 1)
            try await pool.executeScript("DEALLOCATE ALL", name: "forget the prepared statements")
            #expect(try await Self.preparedCount(Self.select, on: pool) == 0)
            #expect(try await pool.query("SELECT x FROM t WHERE x >= \(1)").count == 1)
            try await pool.executeScript("DEALLOCATE ALL", name: "forget them again")
            let inTransaction = try await pool.withTransaction { tx in try await tx.query("SELECT x FROM t WHERE x >= \(1)").count }
            #expect(inTransaction == 1)
            #expect(try await Self.preparedCount(Self.select, on: pool) == 1)
        }
    }

    @Test("a session keeps at most 256 statements prepared; the texts beyond run unprepared")
    func bounded() async throws {
        try await TestDatabase.with(maximumConnections: 1) { pool in
            for number in 1...300 {
                let value = try await pool.query(Query(unsafeSQL: "SELECT \(number) AS n")).first?.decode("n", as: Int.self)
                #expect(value == number)
            }
            let prepared = try #require(try await pool.query("SELECT count(*)::int AS n FROM pg_prepared_statements").first?.decode("n", as: Int.self))
            #expect(prepared == 256)
        }
    }

    @Test("a statement the server refuses to prepare fails under its own name, every time, and prepares nothing")
    func refusedPreparation() async throws {
        try await TestDatabase.with(maximumConnections: 1) { pool async throws in
            for _ in 1...2 {
                let refusal = await #expect(throws: PostgresError.self) {
                    try await pool.query(Query(unsafeSQL: "SELECT FROM WHERE"), named: "broken")
                }
                #expect(refusal?.kind == .server(.syntaxError))
                #expect(refusal?.operation == "broken")
            }
            #expect(try await Self.preparedCount("SELECT FROM WHERE", on: pool) == 0)
        }
    }
}
