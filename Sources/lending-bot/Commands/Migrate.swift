import ArgumentParser
import LendingBot

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Apply pending database migrations (Prisma Migrate compatible) and exit."
    )

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        try await reportingOperatorErrors {
            let configuration = try BotConfiguration.load(purpose: .database)
            LogSetup.bootstrap(level: configuration.logLevel, format: configuration.logFormat)
            let report = try await DatabaseMigration.run(configuration: configuration, migrationsFolder: database.migrations)
            print(DatabaseMigration.summary(of: report))
        }
    }
}
