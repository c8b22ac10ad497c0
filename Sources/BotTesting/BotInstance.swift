public import Clocks
public import Discord
public import DiscordSimulator
import Foundation
import HTTP
public import Lending
import LendingAdapters
public import LendingBot
public import Logging
public import PanelSimulator
public import PanelTesting
public import Postgres
import Secrets
import SimulatorSupport
import Synchronization
import TestSupport
import WebSocket

/// What one bot process holds, wired through `BotComponents` as `BotApplication` wires it, against
/// the simulators and a database: its own HTTP client, Discord client, notifier, task runner and
/// scheduler, and (once `connect()` is called) its own gateway session feeding the real router.
/// Tasks and scheduler ticks run when a test asks, on the panel simulator's manual clock.
public final class BotInstance: Sendable {
    public let services: BotServices
    public let runner: TaskRunner
    public let scheduler: Scheduler
    public let notifier: DiscordNotifier
    public let community: DiscordCommunity
    /// The live board; its refreshes wait on `boardClock`, which only `BotHarness.settleBoard()` moves.
    public let board: BoardRefresher
    public let boardClock = ManualClock()
    public let session: GatewaySession
    private let http: HTTPClient
    private let dispatcher: InteractionDispatcher
    private let running = Mutex<[Task<Void, Never>]>([])

    /// - Parameter versionManifest: Mojang's manifest for the catalog to read; nil knows only the built-in table.
    public init(pool: PostgresPool, rest: DiscordRESTSimulator, gateway: DiscordGatewaySimulator, panelWorld: PanelTestWorld,
                configuration: BotConfiguration, versionManifest: VersionManifestSimulator? = nil, logger: Logger) throws {
        let http = try HTTPClient(logger: logger)
        let token = rest.configuration.botToken
        let discord = DiscordClient(configuration: .init(token: Secret(token), baseURL: rest.baseURL.absoluteString),
                                    transport: http, limiter: RateLimiter(clock: ContinuousClock(), logger: logger), logger: logger)
        let parts = BotComponents(configuration: configuration, discord: discord, panelClient: panelWorld.client, pool: pool,
                                  application: ApplicationID(rest.configuration.applicationID) ?? ApplicationID(1),
                                  guild: GuildID(configuration.guildID ?? "") ?? GuildID(1), language: GuildLanguage(),
                                  clock: panelWorld.clock,
                                  versionManifest: versionManifest.map { MojangVersionManifest(url: $0.manifestURL, transport: http, logger: logger) },
                                  boardClock: boardClock, logger: logger)
        self.services = parts.services
        self.runner = parts.runner
        self.scheduler = parts.scheduler
        self.notifier = parts.notifier
        self.community = parts.community
        self.board = parts.board
        let gatewayURL = gateway.gatewayURL.absoluteString
        var sessionConfiguration = GatewaySession.Configuration(token: Secret(token)) { gatewayURL }
        sessionConfiguration.identifyInterval = .milliseconds(250)
        // As in production (BotApplication): the gateway's WebSocket is served by the HTTP client's loop thread.
        sessionConfiguration.websocket.loop = http.socketLoop
        self.session = GatewaySession(configuration: sessionConfiguration, logger: logger)
        self.dispatcher = InteractionDispatcher(router: InteractionRouter(services: services, handlers: .all()), clock: sessionConfiguration.clock,
                                                logger: logger)
        self.http = http
    }

    /// Opens the gateway session and starts answering interactions, both on the HTTP client's loop
    /// thread as `GatewayService` runs them in production.
    public func connect() {
        let session = session
        let dispatcher = dispatcher
        let executor = http.executor
        running.withLock { tasks in
            tasks.append(Task(executorPreference: executor) { await dispatcher.run(session.dispatches) })
            tasks.append(Task(executorPreference: executor) { try? await session.run() })
        }
    }

    /// Closes the session, waits for the interactions in flight, and shuts the HTTP client down.
    public func stop() async {
        let tasks = running.withLock { tasks in defer { tasks = [] }; return tasks }
        for task in tasks.reversed() { task.cancel() }
        for task in tasks { await task.value }
        await board.stop()
        http.shutdown()
    }
}
