import Clocks
import DiscordSimulator
import Foundation
import Lending
public import LendingBot
public import Logging
import PanelSimulator
public import Postgres
import Secrets
public import ServiceLifecycle
import Synchronization

/// `lending-sandbox`: the real `BotApplication`, configured against in-process Discord and
/// panel simulators and a database of its own, with the browser console in front of it.
///
/// Start-up: the sandbox database (created, migrated, emptied, the pool seeded), the simulators,
/// the bot (until it has identified on the gateway and registered its commands), then the console,
/// whose address `onReady` receives. It is a `Service`: shutdown (graceful shutdown of the group it
/// runs in, or the bot stopping by itself) stops the console, the bot (its own orderly shutdown, in
/// a group of its own), the simulators, the pool.
public struct Sandbox: Service, CustomStringConvertible {
    public struct Options: Sendable {
        /// The console's port on 127.0.0.1; 0 picks a free one.
        public var port = 8080
        /// `DATABASE_URL`: the cluster; the sandbox uses database `databaseName` on it.
        public var databaseURL: String
        public var databaseName = SandboxDatabase.defaultName
        public var migrations: [Migration]
        /// Where returned loans are archived; nil archives nothing.
        public var archiveDirectory: String?
        /// How often the scheduler looks for reminders and expired loans.
        public var schedulerIntervalSeconds = 2
        /// How long the simulated panel takes to reinstall a server an approval prepares; nil
        /// leaves installs running until the panel simulator is told they finished.
        public var installDuration: Duration? = SandboxSimulators.defaultInstallDuration
        public var readyTimeout: Duration = .seconds(90)
        /// `HEALTH_LISTEN`: the sandbox's bot serves `/livez`, `/readyz` and `/metrics` there, as
        /// `run` does, so probes and dashboards can be tried against it; nil serves none.
        public var healthListen: BotConfiguration.HostAndPort?
        /// The release and commit its `lendingbot_build_info` names, as `run`'s does.
        public var version = "unknown"
        public var commit = "unknown"

        public init(databaseURL: String, migrations: [Migration]) {
            self.databaseURL = databaseURL
            self.migrations = migrations
        }
    }

    let options: Options
    let logger: Logger
    let onReady: @Sendable (ConsoleServer) -> Void

    /// `onReady` gets the console once it serves.
    public init(options: Options, logger: Logger, onReady: @escaping @Sendable (ConsoleServer) -> Void = { _ in }) {
        self.options = options
        self.logger = logger
        self.onReady = onReady
    }

    public var description: String { "sandbox" }

    /// Runs until graceful shutdown, or until the bot stops by itself.
    public func run() async throws {
        try await SandboxDatabase.create(named: options.databaseName, clusterURL: options.databaseURL, logger: logger)
        let databaseURL = SandboxDatabase.url(options.databaseURL, database: options.databaseName)
        let pool = PostgresPool(try ConnectionConfiguration(databaseURL), maximumConnections: 4, logger: logger)
        // Real time that the console moves forward, so that reminders and expiry can be seen
        // without waiting days. Only the workflow reads it; the simulators keep real time, as
        // Discord and the panel would, so an install is neither hastened nor skipped by a jump.
        let clock = BotClock.adjustable()
        do {
            let report = try await SandboxDatabase.prepare(pool: pool, named: options.databaseName, migrations: options.migrations, clock: clock, logger: logger)
            logger.info("sandbox database ready", metadata: ["database": "\(options.databaseName)", "migrations.applied": "\(report.applied.count)"])
            let simulators = try await SandboxSimulators.start(installDuration: options.installDuration)
            do {
                try await serve(simulators: simulators, pool: pool, clock: clock, databaseURL: databaseURL)
            } catch {
                await simulators.stop()
                throw error
            }
            await simulators.stop()
        } catch {
            await pool.close()
            throw error
        }
        await pool.close()
    }

    private func serve(simulators: SandboxSimulators, pool: PostgresPool, clock: BotClock, databaseURL: String) async throws {
        let bot = try botConfiguration(simulators: simulators, databaseURL: databaseURL)
        var botOptions = BotApplication.Options()
        botOptions.clock = clock
        botOptions.taskRunner.idlePoll = .seconds(1)
        botOptions.taskRunner.retryBase = .seconds(1)
        botOptions.shutdownGrace = .seconds(2)
        botOptions.gatewayCloseTimeout = .seconds(2)
        botOptions.version = options.version
        botOptions.commit = options.commit
        let outcome = Mutex<(any Error)?>(nil)
        let application = BotApplication(configuration: bot, options: botOptions, logger: logger)
        // The bot's own group, so that the sandbox decides when it stops: after the console.
        let botGroup = ServiceGroup(configuration: ServiceGroupConfiguration(
            services: [.init(service: application, successTerminationBehavior: .gracefullyShutdownGroup)], logger: logger))
        let (botStopped, botStoppedContinuation) = AsyncStream<Void>.makeStream()
        // Detached: a child would inherit this service's graceful shutdown and stop with the console.
        let botTask = Task.detached {
            do {
                try await botGroup.run()
            } catch {
                outcome.withLock { $0 = error }
            }
            // The bot stopped: the sandbox stops with it.
            botStoppedContinuation.yield()
            botStoppedContinuation.finish()
        }
        let stopBot = {
            await botGroup.triggerGracefulShutdown()
            await botTask.value
        }
        let deadline = ContinuousClock.now + options.readyTimeout
        while simulators.gateway.identifies.isEmpty || simulators.rest.commands.isEmpty {
            if let failure = outcome.withLock({ $0 }) { throw SandboxError("the bot did not start: \(failure)") }
            guard ContinuousClock.now < deadline, !Task.isShuttingDownGracefully, !Task.isCancelled else {
                await stopBot()
                if let failure = outcome.withLock({ $0 }) { throw SandboxError("the bot did not start: \(failure)") }
                if Task.isShuttingDownGracefully || Task.isCancelled { return }
                throw SandboxError("the bot did not come online within \(options.readyTimeout)")
            }
            try? await Task.sleep(for: .milliseconds(50))
        }
        let console = SandboxConsole(simulators: simulators, pool: pool, clock: clock)
        let server: ConsoleServer
        do {
            server = try await ConsoleServer.start(console: console, port: options.port, logger: logger)
        } catch {
            await stopBot()
            throw error
        }
        onReady(server)
        await withTaskGroup(of: Void.self) { waits in
            waits.addTask { try? await gracefulShutdown() }
            waits.addTask { for await _ in botStopped { return } }
            await waits.next()
            waits.cancelAll()
        }
        await server.stop()
        await stopBot()
        if let failure = outcome.withLock({ $0 }) { throw SandboxError("the bot stopped: \(failure)") }
    }

    /// The bot's settings: the simulators' addresses and keys, the sandbox guild's roles and channel.
    private func botConfiguration(simulators: SandboxSimulators, databaseURL: String) throws -> BotConfiguration {
        var configuration = BotConfiguration()
        configuration.discordToken = Secret(simulators.rest.configuration.botToken)
        configuration.guildID = SandboxPeople.guildID
        configuration.discordAPIURL = simulators.rest.baseURL
        configuration.gatewayURL = simulators.gateway.gatewayURL
        configuration.adminRoleIDs = [SandboxPeople.moderatorRoleID]
        configuration.panelUserRoleID = SandboxPeople.panelUserRoleID
        configuration.notifyChannelID = SandboxPeople.notifyChannelID
        configuration.boardChannelID = SandboxPeople.boardChannelID
        configuration.databaseURL = Secret(databaseURL)
        configuration.pterodactylURL = URL(string: simulators.panel.baseURL)
        configuration.pterodactylApplicationKey = Secret(SimulatedAPIKey.application.token)
        configuration.pterodactylClientKey = Secret(SimulatedAPIKey.adminClient.token)
        configuration.schedulerIntervalSeconds = options.schedulerIntervalSeconds
        configuration.minecraftVersionManifestURL = simulators.versions.manifestURL
        configuration.healthListen = options.healthListen
        if let directory = options.archiveDirectory {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            configuration.archiveTarget = .localDirectory(directory)
        }
        return configuration
    }
}
