import Foundation
import InMemoryLogging
import Logging
import Postgres
import PostgresTesting
import Testing

/// These tests restart or reconfigure a server, so each runs on a cluster of its own.
@Suite("Surviving the server", .serialized)
struct ReconnectTests {
    @Test("the next query after a server restart succeeds on the same pool")
    func restart() async throws {
        try await TestCluster.with { cluster in
            let pool = PostgresPool(try cluster.configuration(), maximumConnections: 2, logger: Logger(label: "test"))
            let before = try #require(try await pool.query("SELECT pg_backend_pid() AS pid").first?.decode("pid", as: Int.self))
            try await cluster.restart()
            let after = try #require(try await pool.query("SELECT pg_backend_pid() AS pid").first?.decode("pid", as: Int.self))
            #expect(before != after)
            await pool.close()
        }
    }

    @Test("a transaction whose session dies is not continued on a new session")
    func restartInsideTransaction() async throws {
        try await TestCluster.with { cluster in
            let pool = PostgresPool(try cluster.configuration(), maximumConnections: 1, logger: Logger(label: "test"))
            try await pool.executeScript("CREATE TABLE t (x INT)", name: "create table")
            let error = await #expect(throws: PostgresError.self) {
                try await pool.withTransaction(maxAttempts: 1) { tx in
                    try await tx.query("INSERT INTO t VALUES (\(1))")
                    try await cluster.restart()
                    try await tx.query("INSERT INTO t VALUES (\(2))")
                }
            }
            #expect(error?.kind == .connectionLost)
            #expect(try await pool.query("SELECT count(*)::int AS n FROM t").first?.decode("n", as: Int.self) == 0)
            await pool.close()
        }
    }

    @Test("wrong credentials fail with one line that never shows the password")
    func wrongPassword() async throws {
        try await TestCluster.with { cluster in
            try await cluster.requirePasswords(userPassword: "right-horse-battery")
            let url = cluster.url.replacingOccurrences(of: "postgres@", with: "postgres:wrong-staple-42@")
            let pool = PostgresPool(try ConnectionConfiguration(url), logger: Logger(label: "test"))
            let error = await #expect(throws: PostgresError.self) { try await pool.query("SELECT 1") }
            #expect(error?.kind == .connectionFailed)
            let printed = error.map { "\($0) \(String(reflecting: $0))" } ?? ""
            #expect(printed.contains("password authentication failed"), "\(printed)")
            #expect(!printed.contains("wrong-staple-42"))
        }
    }

    @Test("server notices go to the logger, not to stderr")
    func notices() async throws {
        let handler = InMemoryLogHandler()
        var logger = Logger(label: "test") { _ in handler }
        logger.logLevel = .debug
        try await TestDatabase.with(logger: logger) { pool in
            try await pool.query("DO $$ BEGIN RAISE NOTICE 'hello from plpgsql'; END $$")
        }
        let notices = handler.entries.filter { $0.message == "postgres notice" }
        #expect(notices.contains { $0.metadata["postgres.message"] == "hello from plpgsql" })
    }
}
