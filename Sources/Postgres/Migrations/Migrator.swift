import Foundation
public import Logging

/// Applies Prisma Migrate migrations and records them as Prisma does, so a database shared with
/// Prisma tooling stays consistent.
///
/// Runners are serialized by the advisory lock Prisma itself takes. Everything is checked before
/// anything is applied: an applied migration whose file changed, or one that started and never
/// finished, stops the run with nothing done. Each pending migration then runs in its own
/// transaction together with its `_prisma_migrations` row, so a failure leaves the database as the
/// previous migration left it.
public struct Migrator: Sendable {
    /// The advisory lock key of Prisma's schema engine ("prisma" read as a number).
    static let advisoryLockKey: Int64 = 72_707_369

    let pool: PostgresPool
    private let logger: Logger

    public init(pool: PostgresPool, logger: Logger) {
        self.pool = pool
        self.logger = logger
    }

    public struct Report: Sendable, Equatable {
        /// Migrations this run applied, in order.
        public let applied: [String]
        /// Migrations that were already applied before this run.
        public let alreadyApplied: [String]
        /// Recorded migrations whose folder no longer exists (Prisma warns about these too).
        public let unknownApplied: [String]
    }

    /// One row of `_prisma_migrations`, as `migrate` and `status` read it.
    struct Record {
        let name: String
        let checksum: String
        let isFinished: Bool
        let isRolledBack: Bool
        /// When the migration's SQL was done (the server's clock); nil while unfinished.
        let finishedAt: Date?

        static let query = Query(unsafeSQL: """
            SELECT migration_name, checksum, finished_at IS NOT NULL AS finished, rolled_back_at IS NOT NULL AS rolled_back, finished_at
            FROM _prisma_migrations ORDER BY started_at, migration_name
            """)

        static func decode(_ result: QueryResult) throws(PostgresError) -> [Record] {
            try result.rows.map { row throws(PostgresError) in
                Record(name: try row.decode("migration_name"), checksum: try row.decode("checksum"),
                       isFinished: try row.decode("finished"), isRolledBack: try row.decode("rolled_back"),
                       finishedAt: try row.decode("finished_at"))
            }
        }
    }

    public func migrate(_ migrations: [Migration]) async throws -> Report {
        try await pool.withConnection { connection in
            try await connection.query("SELECT pg_advisory_lock(\(Self.advisoryLockKey))", named: "take migration lock")
            do {
                let report = try await migrate(migrations, on: connection)
                try await connection.query("SELECT pg_advisory_unlock(\(Self.advisoryLockKey))", named: "release migration lock")
                return report
            } catch {
                // A lost session released the lock with it; otherwise release it here.
                _ = try? await connection.query("SELECT pg_advisory_unlock(\(Self.advisoryLockKey))", named: "release migration lock")
                throw error
            }
        }
    }

    private func migrate(_ migrations: [Migration], on connection: PostgresConnection) async throws(PostgresError) -> Report {
        try await connection.executeScript(Self.createTable, name: "create _prisma_migrations")
        let records = try Record.decode(try await connection.query(Record.query, named: "read _prisma_migrations"))
        let local = Dictionary(migrations.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var applied = Set<String>()
        for record in records where !record.isRolledBack {
            guard record.isFinished else {
                throw PostgresError(
                    .migrationIncomplete(name: record.name),
                    operation: "check migrations",
                    message: "resolve it (mark it rolled back or applied) before migrating again"
                )
            }
            if let migration = local[record.name], migration.checksum != record.checksum {
                throw PostgresError(
                    .migrationChanged(name: record.name),
                    operation: "check migrations",
                    message: "recorded checksum \(record.checksum.prefix(12))…, file now \(migration.checksum.prefix(12))…; nothing was applied"
                )
            }
            applied.insert(record.name)
        }
        let unknown = applied.filter { local[$0] == nil }.sorted()
        if !unknown.isEmpty {
            logger.warning("applied migrations missing from the migrations folder", metadata: ["migrations.unknown": "\(unknown.joined(separator: ", "))"])
        }

        var newlyApplied: [String] = []
        for migration in migrations where !applied.contains(migration.name) {
            try await apply(migration, on: connection)
            newlyApplied.append(migration.name)
            logger.info("migration applied", metadata: ["migration.name": "\(migration.name)"])
        }
        return Report(
            applied: newlyApplied,
            alreadyApplied: migrations.map(\.name).filter(applied.contains),
            unknownApplied: unknown
        )
    }

    private func apply(_ migration: Migration, on connection: PostgresConnection) async throws(PostgresError) {
        // started_at is the transaction's start (now()), finished_at the moment the SQL was done
        // (clock_timestamp()): both from the server's clock, so they can never be out of order.
        let transaction = Transaction(connection: connection, isolation: .readCommitted)
        do throws(PostgresError) {
            try await transaction.executeScript(migration.sql, name: "migration \(migration.name)")
            try await transaction.query("""
                INSERT INTO _prisma_migrations
                    (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count)
                VALUES (\(UUID()), \(migration.checksum), clock_timestamp(), \(migration.name), NULL, NULL, now(), 1)
                """, named: "record migration")
            try await transaction.commit()
        } catch {
            await connection.rollback()
            throw PostgresError(
                .migrationFailed(name: migration.name),
                operation: "apply migration",
                message: error.kind == .connectionLost ? "the database connection was lost: \(error.message)" : "\(error.sqlState.map { "\($0): " } ?? "")\(error.message)",
                detail: error.detail
            )
        }
    }

    /// The table exactly as Prisma's schema engine creates it for PostgreSQL.
    static let createTable = """
        CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
            "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
            "checksum"              VARCHAR(64) NOT NULL,
            "finished_at"           TIMESTAMPTZ,
            "migration_name"        VARCHAR(255) NOT NULL,
            "logs"                  TEXT,
            "rolled_back_at"        TIMESTAMPTZ,
            "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
            "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
        )
        """
}
