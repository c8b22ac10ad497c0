import Foundation
import Hashing
import Logging
import Postgres
import PostgresTesting
import Testing

@Suite("Applying Prisma migrations")
struct MigratorTests {
    let logger = Logger(label: "test.migrator")

    /// A migrations folder of its own, written for one test and deleted after it.
    final class MigrationsFolder {
        let path: String

        init(_ migrations: [(String, String)]) throws {
            path = FileManager.default.temporaryDirectory.appendingPathComponent("migrations-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            try "provider = \"postgresql\"\n".write(toFile: "\(path)/migration_lock.toml", atomically: true, encoding: .utf8)
            for (name, sql) in migrations { try write(name, sql) }
        }

        func write(_ name: String, _ sql: String) throws {
            try FileManager.default.createDirectory(atPath: "\(path)/\(name)", withIntermediateDirectories: true)
            try sql.write(toFile: "\(path)/\(name)/migration.sql", atomically: true, encoding: .utf8)
        }

        deinit { try? FileManager.default.removeItem(atPath: path) }
    }

    static let first = ("20260101000000_init", "CREATE TABLE \"A\" (\"id\" SERIAL NOT NULL, CONSTRAINT \"A_pkey\" PRIMARY KEY (\"id\"));\n")
    static let second = ("20260102000000_more", "ALTER TABLE \"A\" ADD COLUMN \"note\" TEXT;\nCREATE TABLE \"B\" (\"id\" INTEGER NOT NULL);\n")

    func tableNames(_ pool: PostgresPool) async throws -> [String] {
        try await pool.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename").rows.map { try $0.decode("tablename") }
    }

    @Test("an empty database gets every migration, recorded as Prisma records it")
    func emptyDatabase() async throws {
        let folder = try MigrationsFolder([Self.first, Self.second])
        try await TestDatabase.with { pool in
            let report = try await Migrator(pool: pool, logger: logger).migrate(try Migration.load(from: folder.path))
            #expect(report.applied == [Self.first.0, Self.second.0])
            #expect(try await tableNames(pool) == ["A", "B", "_prisma_migrations"])
            let rows = try await pool.query("SELECT * FROM _prisma_migrations ORDER BY migration_name").rows
            #expect(rows.count == 2)
            #expect(Set(try rows.map { try $0.decode("id", as: String.self) }).count == 2, "each record has its own id")
            for (row, migration) in zip(rows, [Self.first, Self.second]) {
                #expect(try row.decode("migration_name", as: String.self) == migration.0)
                #expect(try row.decode("checksum", as: String.self) == Digest.sha256.hexString(Array(migration.1.utf8)))
                let id = try row.decode("id", as: String.self)
                #expect(UUID(uuidString: id) != nil && id == id.lowercased() && id.count == 36, "Prisma writes lowercase uuids: \(id)")
                #expect(try row.decode("finished_at", as: Date?.self) != nil)
                #expect(try row.decode("rolled_back_at", as: Date?.self) == nil)
                #expect(try row.decode("logs", as: String?.self) == nil)
                #expect(try row.decode("applied_steps_count", as: Int.self) == 1)
                #expect(try row.decode("started_at", as: Date.self) <= row.decode("finished_at", as: Date.self))
            }
        }
    }

    @Test("a second run applies nothing and says everything was already applied")
    func secondRun() async throws {
        let folder = try MigrationsFolder([Self.first, Self.second])
        try await TestDatabase.with { pool in
            let migrator = Migrator(pool: pool, logger: logger)
            _ = try await migrator.migrate(try Migration.load(from: folder.path))
            let report = try await migrator.migrate(try Migration.load(from: folder.path))
            #expect(report.applied.isEmpty)
            #expect(report.alreadyApplied == [Self.first.0, Self.second.0])
            #expect(try await pool.query("SELECT count(*)::int AS n FROM _prisma_migrations").first?.decode("n", as: Int.self) == 2)
        }
    }

    @Test("an applied migration whose file changed is refused and nothing else is applied")
    func tamperedChecksum() async throws {
        let folder = try MigrationsFolder([Self.first])
        try await TestDatabase.with { pool in
            let migrator = Migrator(pool: pool, logger: logger)
            _ = try await migrator.migrate(try Migration.load(from: folder.path))
            try folder.write(Self.first.0, Self.first.1 + "-- edited\n")
            try folder.write(Self.second.0, Self.second.1)
            let error = await #expect(throws: PostgresError.self) {
                try await migrator.migrate(try Migration.load(from: folder.path))
            }
            #expect(error?.kind == .migrationChanged(name: Self.first.0))
            #expect(error.map { "\($0)" }?.contains(Self.first.0) == true)
            #expect(try await tableNames(pool) == ["A", "_prisma_migrations"])
        }
    }

    @Test("a failing migration leaves the database as it was and quotes the SQL error")
    func failingMigration() async throws {
        let broken = ("20260103000000_broken", "CREATE TABLE \"C\" (\"id\" INTEGER);\nALTER TABLE \"Nope\" ADD COLUMN \"x\" TEXT;\n")
        let folder = try MigrationsFolder([Self.first, broken])
        try await TestDatabase.with { pool in
            let error = await #expect(throws: PostgresError.self) {
                try await Migrator(pool: pool, logger: logger).migrate(try Migration.load(from: folder.path))
            }
            #expect(error?.kind == .migrationFailed(name: broken.0))
            #expect(error.map { "\($0)" }?.contains("relation \"Nope\" does not exist") == true)
            #expect(try await tableNames(pool) == ["A", "_prisma_migrations"])
            let names = try await pool.query("SELECT migration_name FROM _prisma_migrations").rows.map { try $0.decode("migration_name", as: String.self) }
            #expect(names == [Self.first.0])
        }
    }

    @Test("a migration that started and never finished stops the run")
    func incompleteMigration() async throws {
        let folder = try MigrationsFolder([Self.first])
        try await TestDatabase.with { pool in
            let migrator = Migrator(pool: pool, logger: logger)
            _ = try await migrator.migrate([])
            try await pool.query("""
                INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, applied_steps_count)
                VALUES (\(UUID()), \(String(repeating: "0", count: 64)), \(Self.first.0), now(), 0)
                """)
            let error = await #expect(throws: PostgresError.self) { try await migrator.migrate(try Migration.load(from: folder.path)) }
            #expect(error?.kind == .migrationIncomplete(name: Self.first.0))
        }
    }

    @Test("two runners at once apply each migration exactly once")
    func concurrentRunners() async throws {
        let folder = try MigrationsFolder([Self.first, Self.second])
        try await TestDatabase.with(maximumConnections: 4) { pool in
            let migrations = try Migration.load(from: folder.path)
            let reports = try await withThrowingTaskGroup(of: Migrator.Report.self) { group in
                for _ in 0..<2 {
                    group.addTask { try await Migrator(pool: pool, logger: logger).migrate(migrations) }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(reports.flatMap(\.applied).sorted() == [Self.first.0, Self.second.0])
            #expect(reports.contains { $0.applied.isEmpty })
            #expect(try await pool.query("SELECT count(*)::int AS n FROM _prisma_migrations").first?.decode("n", as: Int.self) == 2)
        }
    }

    @Test("a missing folder, a folder without migration.sql and a foreign lock file are refused")
    func malformedFolders() throws {
        let missing = #expect(throws: PostgresError.self) { try Migration.load(from: "/nonexistent/migrations") }
        #expect(missing?.kind == .migrationsNotFound(path: "/nonexistent/migrations"))

        let folder = try MigrationsFolder([Self.first])
        try FileManager.default.createDirectory(atPath: "\(folder.path)/20260105000000_empty", withIntermediateDirectories: true)
        let empty = #expect(throws: PostgresError.self) { try Migration.load(from: folder.path) }
        #expect(empty?.kind == .invalidMigration(name: "20260105000000_empty"))

        let mysql = try MigrationsFolder([Self.first])
        try "provider = \"mysql\"\n".write(toFile: "\(mysql.path)/migration_lock.toml", atomically: true, encoding: .utf8)
        let foreign = #expect(throws: PostgresError.self) { try Migration.load(from: mysql.path) }
        #expect(foreign?.kind == .invalidMigration(name: "migration_lock.toml"))
    }
}
