import Foundation
public import Logging
public import Postgres

/// A database of its own for one test, on the cluster named by `TEST_DATABASE_URL`, dropped afterwards.
///
/// Tests run in parallel; giving each one a fresh database keeps them from seeing each other's rows.
public enum TestDatabase {
    /// The variable `scripts/test` sets to the throwaway cluster's URL.
    public static let environmentVariable = "TEST_DATABASE_URL"

    /// The cluster's admin connection, or a failure that says how to get one.
    public static func clusterConfiguration() throws -> ConnectionConfiguration {
        guard let url = ProcessInfo.processInfo.environment[environmentVariable], !url.isEmpty else {
            throw MissingTestDatabase()
        }
        return try ConnectionConfiguration(url)
    }

    /// Creates an empty database, hands a pool on it to `body`, then drops it whatever happened.
    @discardableResult
    public static func with<Result>(
        isolation: isolated (any Actor)? = #isolation,
        maximumConnections: Int = 4,
        logger: Logger = Logger(label: "test.postgres"),
        _ body: (PostgresPool) async throws -> sending Result
    ) async throws -> sending Result {
        let cluster = try clusterConfiguration()
        await DatabaseSlots.shared.acquire()
        defer { Task { await DatabaseSlots.shared.release() } }
        let name = "test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let admin = PostgresPool(cluster, maximumConnections: 1, logger: logger)
        try await admin.query(Query(unsafeSQL: "CREATE DATABASE \"\(name)\" TEMPLATE template0"), named: "create test database")
        let pool = PostgresPool(cluster.withDatabase(name), maximumConnections: maximumConnections, logger: logger)
        do {
            let result = try await body(pool)
            await pool.close()
            try await admin.query(Query(unsafeSQL: "DROP DATABASE \"\(name)\" WITH (FORCE)"), named: "drop test database")
            await admin.close()
            return result
        } catch {
            await pool.close()
            _ = try? await admin.query(Query(unsafeSQL: "DROP DATABASE \"\(name)\" WITH (FORCE)"), named: "drop test database")
            await admin.close()
            throw error
        }
    }

    /// Creates an empty database named from `prefix`, hands its URL to `body` (for a process or an
    /// application that opens its own connections, as `DATABASE_URL` gives it), then drops it
    /// whatever happened.
    public static func withURL(prefix: String, logger: Logger = Logger(label: "test.postgres"), _ body: (String) async throws -> Void) async throws {
        let cluster = try clusterConfiguration()
        let name = prefix + "_" + UUID().uuidString.prefix(8).lowercased()
        let admin = PostgresPool(cluster, maximumConnections: 1, logger: logger)
        try await admin.query(Query(unsafeSQL: "CREATE DATABASE \"\(name)\""), named: "create database")
        let url = "postgresql://\(cluster.user ?? "postgres")@\(cluster.host):\(cluster.port)/\(name)"
        do {
            try await body(url)
        } catch {
            _ = try? await admin.query(Query(unsafeSQL: "DROP DATABASE \"\(name)\" WITH (FORCE)"), named: "drop database")
            await admin.close()
            throw error
        }
        try await admin.query(Query(unsafeSQL: "DROP DATABASE \"\(name)\" WITH (FORCE)"), named: "drop database")
        await admin.close()
    }
}

public struct MissingTestDatabase: Error, CustomStringConvertible {
    public var description: String {
        "\(TestDatabase.environmentVariable) is not set: run the tests with scripts/test, which starts a throwaway PostgreSQL cluster"
    }
}
