import LendingBot
import Logging
import Postgres
import Secrets

/// Connects with `DATABASE_URL` and applies the migrations, turning each failure into one line.
enum DatabaseMigration {
    static func run(configuration: BotConfiguration, migrationsFolder: String?) async throws -> Migrator.Report {
        guard let url = configuration.databaseURL else {
            throw OperatorError("DATABASE_URL: required for the database connection", configuration: true)
        }
        let connection = try connectionConfiguration(url)
        do {
            let migrations = try Migration.load(from: try MigrationsFolder.locate(explicit: migrationsFolder))
            let logger = Logger(label: "lending-bot.migrate")
            let pool = PostgresPool(connection, maximumConnections: 1, logger: logger)
            do {
                let report = try await Migrator(pool: pool, logger: logger).migrate(migrations)
                await pool.close()
                return report
            } catch {
                await pool.close()
                throw error
            }
        } catch let error as PostgresError {
            throw OperatorError("\(error)")
        }
    }

    /// `DATABASE_URL` parsed; a URL that cannot be parsed is the configuration's fault.
    static func connectionConfiguration(_ url: Secret) throws -> ConnectionConfiguration {
        do {
            return try ConnectionConfiguration(url.revealed())
        } catch {
            throw OperatorError("\(error)", configuration: true)
        }
    }

    static func summary(of report: Migrator.Report) -> String {
        if report.applied.isEmpty {
            return "Database is up to date: \(report.alreadyApplied.count) migration(s) already applied, nothing to do."
        }
        return "Applied \(report.applied.count) migration(s): \(report.applied.joined(separator: ", "))."
    }
}
