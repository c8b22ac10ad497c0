import ArgumentParser
import CommandLineSupport
import LendingBot
import Logging

struct DoctorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check the configuration, the database, Discord, the panel and the archive target without changing anything; exit 0 when the bot can run, 78 when the configuration is incomplete or invalid, else 1."
    )

    @OptionGroup var database: DatabaseOptions

    @Flag(name: .long, help: "Print the same checks as one JSON object instead of the table (same exit codes).")
    var json = false

    func run() async throws {
        try await reportingOperatorErrors {
            let environment = try ProcessEnvironment.load()
            // The table (or the JSON) is the output; library logs would only interleave with it.
            LogSetup.bootstrap(level: .critical, format: .text)
            let options = Doctor.Options(migrationsFolder: try? MigrationsFolder.locate(explicit: database.migrations))
            let report = await Doctor(environment: environment, options: options, logger: Logger(label: "lending-bot.doctor")).run()
            print(json ? try report.json() : report.table())
            guard report.isUsable else {
                // The configuration rows failing is what the operator must fix first: 78, as `run` would exit.
                let problems = BotConfiguration.reading(environment: environment, purpose: .run).problems
                throw problems.isEmpty ? ExitStatus.failure : ExitStatus.configuration
            }
        }
    }
}
