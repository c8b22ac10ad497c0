import ArgumentParser
import LendingBot
import Logging

struct DoctorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check the configuration, the database, Discord, the panel and the archive target without changing anything; exit 0 when the bot can run, 78 when the configuration is incomplete or invalid, else 1."
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
            guard report.isUsable else {
                // The configuration rows failing is what the operator must fix first: 78, as `run` would exit.
                let problems = BotConfiguration.reading(environment: environment, purpose: .run).problems
                throw problems.isEmpty ? ExitStatus.failure : ExitStatus.configuration
            }
        }
    }
}
