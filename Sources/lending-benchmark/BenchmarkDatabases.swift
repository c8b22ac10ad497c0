import Foundation
import Logging
import Postgres
import TestSupport

/// One fresh, migrated database per bot (and one for the scheduler query) on the cluster the
/// benchmark was given, so that each starts from an empty schema.
struct BenchmarkDatabases {
    /// The cluster's URL (any database on it; `postgres` will do). Never printed.
    let serverURL: String
    /// The release `lending-bot`, whose `migrate` applies `Prisma/migrations`.
    let botExecutable: String
    let logger: Logger

    /// Drops `name` if it exists, creates it, applies the migrations; returns its URL.
    func fresh(_ name: String) async throws -> String {
        let connection = try await PostgresConnection.connect(try ConnectionConfiguration(serverURL), logger: logger)
        // CREATE DATABASE cannot run inside a transaction, so each statement goes alone.
        _ = try await connection.executeScript(#"DROP DATABASE IF EXISTS "\#(name)" WITH (FORCE)"#, name: "drop benchmark database")
        _ = try await connection.executeScript(#"CREATE DATABASE "\#(name)""#, name: "create benchmark database")
        guard var components = URLComponents(string: serverURL) else { throw BenchmarkFailure(description: "the database URL is not a URL") }
        components.path = "/" + name
        guard let url = components.string else { throw BenchmarkFailure(description: "the database URL is not a URL") }
        let migrate = try await Subprocess.run(botExecutable, ["migrate"], environment: ["DATABASE_URL": url, "LOG_LEVEL": "warning"])
        guard migrate.status == 0 else {
            throw BenchmarkFailure(description: "lending-bot migrate failed for \(name) (exit \(migrate.status)): \(migrate.standardError.suffix(2000))")
        }
        return url
    }
}
