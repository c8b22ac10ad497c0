import CommandLineSupport
import Foundation
import LendingBot
import Logging
import Postgres

/// Connects with `DATABASE_URL` and applies the migrations, or reads where they stand, turning each
/// failure into one line.
enum DatabaseMigration {
    static func run(configuration: BotConfiguration, migrationsFolder: String?) async throws -> Migrator.Report {
        try await withMigrator(configuration: configuration, migrationsFolder: migrationsFolder) { migrator, migrations in
            try await migrator.migrate(migrations)
        }
    }

    /// The folder's migrations and where the database stands against them; creates, locks and
    /// applies nothing (`migrate --status`, `run --no-migrate`).
    static func status(configuration: BotConfiguration, migrationsFolder: String?) async throws -> (migrations: [Migration], status: Migrator.Status) {
        try await withMigrator(configuration: configuration, migrationsFolder: migrationsFolder) { migrator, migrations in
            (migrations, try await migrator.status(of: migrations))
        }
    }

    /// A one-connection pool on `DATABASE_URL` and the folder's migrations for `body`; the pool is
    /// closed whatever happens.
    private static func withMigrator<Value: Sendable>(
        configuration: BotConfiguration, migrationsFolder: String?,
        _ body: (Migrator, [Migration]) async throws -> Value
    ) async throws -> Value {
        guard let url = configuration.databaseURL else {
            throw OperatorError("DATABASE_URL: required for the database connection", configuration: true)
        }
        let connection = try DatabaseURL.connectionConfiguration(url)
        do {
            let migrations = try Migration.load(from: try MigrationsFolder.locate(explicit: migrationsFolder))
            let logger = Logger(label: "lending-bot.migrate")
            let pool = PostgresPool(connection, maximumConnections: 1, logger: logger)
            do {
                let result = try await body(Migrator(pool: pool, logger: logger), migrations)
                await pool.close()
                return result
            } catch {
                await pool.close()
                throw error
            }
        } catch let error as PostgresError {
            throw OperatorError("\(error)")
        }
    }

    static func summary(of report: Migrator.Report) -> String {
        if report.applied.isEmpty {
            return "Database is up to date: \(report.alreadyApplied.count) migration(s) already applied, nothing to do."
        }
        return "Applied \(report.applied.count) migration(s): \(report.applied.joined(separator: ", "))."
    }

    /// `migrate --status`: one line per migration of the folder, in order, then those only the
    /// database knows, then a summary line.
    static func statusTable(migrations: [Migration], status: Migrator.Status) -> String {
        func state(_ name: String) -> String {
            if status.incomplete.contains(name) { return "incomplete (started, never finished: resolve it in _prisma_migrations)" }
            guard let date = status.appliedAt[name] else { return "pending" }
            let applied = "applied \(date.formatted(.iso8601))"
            return status.changed.contains(name) ? applied + " (its migration.sql has changed since)" : applied
        }
        var rows = migrations.map { ($0.name, state($0.name)) }
        rows += status.unknownApplied.map { ($0, state($0) + " (not in this release's migrations folder)") }
        let width = (rows.map(\.0.count) + ["MIGRATION".count]).max() ?? 0
        func line(_ name: String, _ state: String) -> String { name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + state }
        var lines = [line("MIGRATION", "STATUS")] + rows.map(line)
        lines.append("")
        lines.append(status.pending.isEmpty
            ? "\(status.applied.count) applied, none pending."
            : "\(status.applied.count) applied, \(status.pending.count) pending: run lending-bot migrate to apply them.")
        return lines.joined(separator: "\n")
    }

    /// Why `run --no-migrate` cannot start on this database, or nil when it can: whatever `migrate`
    /// would apply or refuse must be dealt with by the tool that owns the schema.
    static func notReady(_ status: Migrator.Status) -> String? {
        if !status.incomplete.isEmpty {
            return "migrations started but never finished: \(status.incomplete.joined(separator: ", ")); resolve them in _prisma_migrations before starting"
        }
        if !status.changed.isEmpty {
            return "migrations changed since they were applied: \(status.changed.joined(separator: ", ")); restore the migration files of this release"
        }
        if !status.pending.isEmpty {
            return "--no-migrate: \(status.pending.count) migration(s) pending (\(status.pending.joined(separator: ", "))); apply them with lending-bot migrate (or the tool that manages this schema), or start without --no-migrate"
        }
        return nil
    }
}
