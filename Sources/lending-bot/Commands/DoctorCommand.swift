import ArgumentParser
import LendingBot
import Logging

struct DoctorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check the configuration, the database, Discord, the panel and the archive target without changing anything; exit 0 when the bot can run."
    )

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        try await reportingOperatorErrors {
            let environment = try ProcessEnvironment.load()
            // The table is the output; library logs would only interleave with it.
            LogSetup.bootstrap(level: .critical, format: .text)
            let options = Doctor.Options(migrationsFolder: try? MigrationsFolder.locate(explicit: database.migrations))
            let report = await Doctor(environment: environment, options: options, logger: Logger(label: "lending-bot.doctor")).run()
            print(report.table())
            if !report.isUsable { throw ExitCode(1) }
        }
    }
}
