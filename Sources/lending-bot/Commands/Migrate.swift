import ArgumentParser
import CommandLineSupport
import LendingBot

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Apply pending database migrations (Prisma Migrate compatible) and exit.",
        discussion: "With --status, list each migration as applied (with its date) or pending, and change nothing."
    )

    @OptionGroup var database: DatabaseOptions

    @Flag(name: .long, help: "List each migration, applied (with its date) or pending, without applying anything.")
    var status = false

    func run() async throws {
        try await reportingOperatorErrors {
            let configuration = try BotConfiguration.load(purpose: .database)
            LogSetup.bootstrap(level: configuration.logLevel, format: configuration.logFormat)
            if status {
                let (migrations, status) = try await DatabaseMigration.status(configuration: configuration, migrationsFolder: database.migrations)
                print(DatabaseMigration.statusTable(migrations: migrations, status: status))
                return
            }
            let report = try await DatabaseMigration.run(configuration: configuration, migrationsFolder: database.migrations)
            print(DatabaseMigration.summary(of: report))
        }
    }
}
