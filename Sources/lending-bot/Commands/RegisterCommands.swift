import ArgumentParser
import CommandLineSupport
import LendingBot
import Logging

struct RegisterCommands: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "register-commands",
        abstract: "Register the slash commands in DISCORD_GUILD_ID (only when they changed) and exit."
    )

    func run() async throws {
        try await reportingOperatorErrors {
            let (configuration, problems) = BotConfiguration.reading(environment: try ProcessEnvironment.load(), purpose: .run)
            // Only the Discord settings matter here; the rest is `run`'s and `doctor`'s business.
            let relevant = (problems.invalid + problems.missing).filter { $0.hasPrefix("DISCORD_") || $0.hasPrefix("TLS_CA_FILE") }
            guard relevant.isEmpty else { throw OperatorError(lines: relevant, configuration: true) }
            LogSetup.bootstrap(level: configuration.logLevel, format: configuration.logFormat)
            do {
                switch try await CommandRegistration.synchronize(configuration: configuration, logger: Logger(label: "lending-bot")) {
                case .unchanged: print("Commands are up to date: nothing was written.")
                case .overwritten: print("Commands registered: \(CommandDefinitions.all.count) command(s) written with one bulk overwrite.")
                }
            } catch let failure as BotApplication.Failure {
                throw OperatorError(failure.description, configuration: failure.isConfiguration)
            }
        }
    }
}
