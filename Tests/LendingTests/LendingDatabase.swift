import TestSupport
import Logging
import Postgres
import PostgresTesting

/// A fresh database migrated with the project's own Prisma migrations.
func withLendingDatabase(_ body: (PostgresPool) async throws -> Void) async throws {
    try await TestDatabase.with { pool in
        let logger = Logger(label: "test.lending")
        _ = try await Migrator(pool: pool, logger: logger).migrate(try Migration.load(from: PackageRoot.path("Prisma/migrations")))
        try await body(pool)
    }
}
