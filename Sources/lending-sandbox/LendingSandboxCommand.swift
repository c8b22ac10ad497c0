import ArgumentParser
import CommandLineSupport
import Foundation
import Glibc
import LendingBot
import Logging
import Postgres
import Sandbox
import Secrets

/// `lending-sandbox`: the real bot against the simulators, with a browser console in front. An
/// executable of its own so that the production `lending-bot` links no simulator.
@main
struct LendingSandboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lending-sandbox",
        abstract: "Run the bot against simulated Discord and panel, with a browser console on 127.0.0.1.",
        discussion: """
            Needs only DATABASE_URL: the sandbox keeps its rows in a database of its own on that server \
            (lending_sandbox unless --database says otherwise), emptied at every start.
            """,
        version: BuildInfo.versionLine(of: "lending-sandbox")
    )

    @OptionGroup var database: DatabaseOptions

    @Option(name: .long, help: "The console's port on 127.0.0.1 (0: any free port).")
    var port = 8080

    @Option(name: .customLong("database"), help: "The sandbox's database on DATABASE_URL's server; it is emptied at every start.")
    var databaseName = SandboxDatabase.defaultName

    @Option(name: .long, help: "Where returned loans are archived.")
    var archive = ".data/sandbox-archive"

    func run() async throws {
        try await reportingOperatorErrors(program: "lending-sandbox") {
            guard (0...65_535).contains(port) else { throw OperatorError("--port: \(port) is not a port") }
            let configuration = try BotConfiguration.load(purpose: .database)
            LogSetup.bootstrap(level: configuration.logLevel, format: configuration.logFormat)
            guard let url = configuration.databaseURL else { throw OperatorError("DATABASE_URL: required for the sandbox's database", configuration: true) }
            // A DATABASE_URL that cannot be parsed is the configuration's fault (78), not the sandbox's (1).
            _ = try DatabaseURL.connectionConfiguration(url)
            let migrations: [Migration]
            do {
                migrations = try Migration.load(from: try MigrationsFolder.locate(explicit: database.migrations))
            } catch let error as PostgresError {
                throw OperatorError("\(error)")
            }
            var options = Sandbox.Options(databaseURL: url.revealed(), migrations: migrations)
            options.port = port
            options.databaseName = databaseName
            options.archiveDirectory = archive.isEmpty ? nil : archive
            options.healthListen = configuration.healthListen
            options.version = BuildInfo.release
            options.commit = BuildInfo.commit ?? "unknown"
            let logger = Logger(label: "lending-bot.sandbox")
            let sandbox = Sandbox(options: options, logger: logger) { console in
                print("Sandbox console: \(console.url)  (Ctrl-C stops it)")
                fflush(nil)
            }
            do {
                try await ProcessLifecycle.run(sandbox, logger: logger)
            } catch let error as SandboxError {
                throw OperatorError(error.description)
            } catch let error as PostgresError {
                throw OperatorError("\(error)")
            }
        }
    }
}
