public import Clocks
import Discord
import Foundation
import HTTP
public import Lending
public import Logging
import Postgres
import Pterodactyl
import Secrets
public import ServiceLifecycle
public import WebSocket

/// `lending-bot run` after the migrations: builds every component from the configuration, brings
/// the bot online, and runs as a `Service` until graceful shutdown (or until Discord closes the
/// gateway for good).
///
/// Start-up, in order: the HTTP client (with `TLS_CA_FILE`), the bot's own user (its id is the
/// application id), the guild's preferred language, the commands (one `GET`, and one `PUT` only
/// when they changed), the panel client, the database pool, the workflow with its task runner and
/// scheduler, and the gateway session feeding the interaction router.
///
/// The running parts are `Service`s in one `ServiceGroup`, started health server, task runner,
/// scheduler, gateway (`ServiceOrder`). Graceful shutdown stops them in reverse: the gateway closes
/// with 4000 (resumable, so Discord keeps the session for a while rather than ending it), so no
/// new interaction arrives, and interactions in flight get `Options.shutdownGrace` to finish; the
/// scheduler stops; the task runner claims nothing new and its current task gets
/// `Options.shutdownGrace` too (a task cut off mid-way keeps its claim, and the next runner
/// resumes it from its first unrecorded step once the lease lapses); the health server stops;
/// then the pool and the HTTP client close.
public struct BotApplication: Service, CustomStringConvertible {
    public struct Options: Sendable {
        /// How long interactions already being answered may take after the gateway closed, and
        /// how long the task runner's current task may take once shutdown reaches it.
        public var shutdownGrace: Duration = .seconds(10)
        /// How long the gateway's close handshake may take before the connection is dropped.
        public var gatewayCloseTimeout: Duration = .seconds(5)
        /// 4000: resumable (docs/DISCORD.md#close-codes). 1000 would end the session and show the bot offline.
        public var gatewayCloseCode = CloseCode(rawValue: 4000)
        public var taskRunner = TaskRunner.Configuration()
        public var clock: BotClock = .system
        /// `/livez` calls the task runner stalled when its loop has not beaten for this long
        /// (it beats every `idlePoll`, and every third of the lease while a task runs).
        public var taskRunnerStaleAfter: Duration = .seconds(120)
        /// How long `/readyz` waits for the database's `SELECT 1`.
        public var databaseCheckTimeout: Duration = .seconds(2)
        /// How long `/readyz` lets the gateway be without a connection before it calls the bot
        /// unready: longer than a resume, and than the reconnect backoff's early steps.
        public var gatewayReadinessGrace: Duration = .seconds(60)
        /// The series `/metrics` serves; tests may pass their own to read them.
        public var metrics = BotMetrics()
        /// The release and commit `lendingbot_build_info` names (`lending-bot --version`'s).
        public var version = "unknown"
        public var commit = "unknown"
        /// Told the health server's port once it listens (`HEALTH_LISTEN` may ask for port 0).
        public var healthListening: (@Sendable (UInt16) -> Void)?

        public init() {}
    }

    /// Why the bot could not start or had to stop: one line an operator can act on, without secrets.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public let description: String
        /// Whether the configuration is at fault (a setting missing, a token Discord refuses), so
        /// that starting again cannot help until the operator changes it.
        public let isConfiguration: Bool

        init(_ description: String, configuration: Bool = false) {
            self.description = description
            self.isConfiguration = configuration
        }
    }

    let configuration: BotConfiguration
    let options: Options
    let logger: Logger

    public var description: String { "bot" }

    public init(configuration: BotConfiguration, options: Options = Options(), logger: Logger) {
        self.configuration = configuration
        self.options = options
        self.logger = logger
    }

    /// Starts the bot and runs it until the group it runs in shuts down gracefully (SIGTERM or
    /// SIGINT in `lending-bot run`), a part fails, or Discord closes the gateway for good.
    public func run() async throws {
        guard let token = configuration.discordToken, let guild = configuration.guildID.flatMap(GuildID.init),
              let databaseURL = configuration.databaseURL else {
            throw Failure("DISCORD_TOKEN, DISCORD_GUILD_ID and DATABASE_URL are required to run the bot", configuration: true)
        }
        let http = try Self.httpClient(configuration, logger: logger)
        defer { http.shutdown() }
        let discord = Self.discordClient(configuration, token: token, http: http, observer: options.metrics, logger: logger)
        let application = try await Self.identify(discord, logger: logger)
        let language = GuildLanguage()
        await learnLanguage(of: guild, discord: discord, into: language)
        _ = try await Self.registerCommands(discord: discord, application: application, guild: guild, logger: logger)
        if configuration.notifyChannelID == nil {
            // Said once here rather than for every request filed: the setting, not the request, is why.
            logger.warning("DISCORD_NOTIFY_CHANNEL_ID is not set: moderators are not told of new requests in Discord (`/mcserver-admin workflow list` shows them)")
        }
        let panelClient = try makePanelClient(http: http)
        let pool: PostgresPool
        do {
            pool = PostgresPool(try ConnectionConfiguration(databaseURL.revealed()), maximumConnections: 8, logger: logger)
        } catch {
            throw Failure("\(error)")
        }
        do {
            try await serve(discord: discord, http: http, application: application, guild: guild, language: language, panelClient: panelClient,
                            pool: pool, token: token)
        } catch {
            await pool.close()
            throw error
        }
        await pool.close()
        logger.info("stopped")
    }

    // MARK: Start-up steps (`register-commands` takes the first four too)

    static func httpClient(_ configuration: BotConfiguration, logger: Logger) throws -> HTTPClient {
        do {
            return try HTTPClient(configuration: HTTPClientConfiguration(caFile: configuration.tlsCAFile), logger: logger)
        } catch {
            throw Failure("cannot start the HTTP client: \(error)")
        }
    }

    static func discordClient(_ configuration: BotConfiguration, token: Secret, http: HTTPClient, observer: (any DiscordRequestObserver)?,
                              logger: Logger) -> DiscordClient {
        var discordConfiguration = DiscordClient.Configuration(token: token, baseURL: configuration.discordAPIURL.absoluteString)
        discordConfiguration.observer = observer
        return DiscordClient(configuration: discordConfiguration, transport: http, limiter: RateLimiter(clock: ContinuousClock(), logger: logger),
                             logger: logger)
    }

    static func registerCommands(discord: DiscordClient, application: ApplicationID, guild: GuildID,
                                 logger: Logger) async throws -> CommandRegistration.Outcome {
        do {
            return try await CommandRegistration.synchronize(discord: discord, application: application, guild: guild, logger: logger)
        } catch {
            throw Failure("cannot register the commands in DISCORD_GUILD_ID (is the bot in that server, invited with the applications.commands scope?): \(error)")
        }
    }

    /// The bot's own user; for bots its id is the application's, which commands are registered under.
    static func identify(_ discord: DiscordClient, logger: Logger) async throws -> ApplicationID {
        do throws(DiscordError) {
            let user = try await discord.currentUser()
            logger.info("signed in to Discord", metadata: ["discord.user": "\(user.username)", "discord.application": "\(user.id)"])
            return ApplicationID(user.id.rawValue)
        } catch where error.kind == .unauthorized {
            throw Failure("DISCORD_TOKEN: Discord refused the bot token", configuration: true)
        } catch {
            throw Failure("cannot reach Discord at DISCORD_API_URL: \(error)")
        }
    }

    /// The guild's preferred locale, so that notices sent before the first interaction already
    /// use its language. Not fatal: every interaction's `guild_locale` teaches it too.
    private func learnLanguage(of guild: GuildID, discord: DiscordClient, into language: GuildLanguage) async {
        do {
            let info = try await discord.guild(guild)
            language.update(info.preferredLocale)
            logger.info("guild found", metadata: ["discord.guild": "\(info.name)", "discord.locale": "\(info.preferredLocale?.rawValue ?? "-")"])
        } catch {
            logger.warning("could not read the guild's language; learning it from interactions", metadata: ["error": "\(error)"])
        }
    }

    private func makePanelClient(http: HTTPClient) throws -> PanelClient {
        guard var panelConfiguration = configuration.panelConfiguration() else {
            throw Failure("PTERODACTYL_URL, PTERODACTYL_APPLICATION_KEY and PTERODACTYL_CLIENT_KEY are required to run the bot", configuration: true)
        }
        panelConfiguration.observer = options.metrics
        do {
            return try PanelClient(configuration: panelConfiguration, transport: http, logger: logger)
        } catch {
            throw Failure("\(error)")
        }
    }

    // MARK: Running

    /// The health server, task runner, scheduler and gateway as one `ServiceGroup` (`ServiceOrder`
    /// gives the order). Inside a parent group, that group's graceful shutdown reaches this one.
    private func serve(discord: DiscordClient, http: HTTPClient, application: ApplicationID, guild: GuildID, language: GuildLanguage, panelClient: PanelClient,
                       pool: PostgresPool, token: Secret) async throws {
        let metrics = options.metrics
        let parts = BotComponents(configuration: configuration, discord: discord, panelClient: panelClient, pool: pool, application: application,
                                  guild: guild, language: language, clock: options.clock,
                                  versionManifest: configuration.versionManifestSource(transport: http, logger: logger),
                                  taskRunner: options.taskRunner, metrics: metrics, logger: logger)
        let runner = parts.runner
        let gatewayURLs = GatewayURLCache(override: configuration.gatewayURL?.absoluteString) { try await discord.gatewayBot().url }
        var sessionConfiguration = GatewaySession.Configuration(token: token) { try await gatewayURLs.url() }
        sessionConfiguration.websocket.caFile = configuration.tlsCAFile
        sessionConfiguration.websocket.closeTimeout = options.gatewayCloseTimeout
        // Served by the HTTP client's loop thread, where the session and the interactions run.
        sessionConfiguration.websocket.loop = http.socketLoop
        sessionConfiguration.onReconnect = { metrics.gatewayReconnecting(resuming: $0) }
        sessionConfiguration.onEstablished = { metrics.gatewaySessionEstablished(resumed: $0) }
        let session = GatewaySession(configuration: sessionConfiguration, logger: logger)
        let dispatcher = InteractionDispatcher(router: InteractionRouter(services: parts.services, handlers: .all()), clock: sessionConfiguration.clock,
                                               logger: logger)
        let health = try healthService(session: session, runner: runner, metrics: metrics)
        let services = ServiceOrder.ordered(
            health: health,
            taskRunner: TaskRunnerService(runner: runner, grace: options.shutdownGrace, logger: logger),
            scheduler: SchedulerService(scheduler: parts.scheduler, interval: .seconds(configuration.schedulerIntervalSeconds),
                                        logger: logger),
            gateway: GatewayService(session: session, dispatcher: dispatcher, executor: http.executor, closeCode: options.gatewayCloseCode,
                                    closeWait: options.gatewayCloseTimeout + .seconds(1), grace: options.shutdownGrace, logger: logger)
        )
        // The board shows the state at start-up, whatever changed while the bot was down.
        parts.board.changed()
        do {
            try await ServiceGroup(configuration: ServiceGroupConfiguration(services: services, logger: logger)).run()
        } catch {
            await parts.board.stop()
            throw error
        }
        await parts.board.stop()
    }

    /// The health and metrics server on `HEALTH_LISTEN`, if it is set. Its database probe
    /// has a connection of its own, so requests to it never take one of the bot's.
    private func healthService(session: GatewaySession, runner: TaskRunner, metrics: BotMetrics) throws -> HealthService? {
        guard let listen = configuration.healthListen, let databaseURL = configuration.databaseURL else { return nil }
        let connection: ConnectionConfiguration
        do {
            connection = try ConnectionConfiguration(databaseURL.revealed())
        } catch {
            throw Failure("\(error)")
        }
        let options = self.options
        let logger = self.logger
        return HealthService {
            let pool = PostgresPool(connection, maximumConnections: 1, logger: logger)
            let liveness = HealthCheck(probes: [
                HealthCheck.taskRunner(staleAfter: options.taskRunnerStaleAfter) { runner.lastHeartbeat },
            ])
            let readiness = HealthCheck(probes: [
                HealthCheck.database(pool, timeout: options.databaseCheckTimeout),
                HealthCheck.gateway(grace: options.gatewayReadinessGrace) { session.disconnectedFor },
            ])
            metrics.recordBuild(version: options.version, commit: options.commit)
            // The gauges' read shares the probe's connection, so a scrape never takes one of the bot's.
            metrics.attach(MetricsSources(statistics: { try await LendingStatistics.read(on: pool) }, statisticsTimeout: options.databaseCheckTimeout,
                                          gateway: { .init(connected: session.isConnected, heartbeatLatency: session.heartbeatLatency) }))
            do {
                let server = try await HealthServer.start(host: listen.host, port: listen.port, liveness: liveness, readiness: readiness,
                                                          metrics: metrics, logger: logger)
                options.healthListening?(server.port)
                return (server, pool)
            } catch {
                await pool.close()
                throw Failure("\(error)")
            }
        }
    }
}
