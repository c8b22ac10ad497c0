import Clocks
import Discord
import DiscordSimulator
import DiscordTesting
import Foundation
import HTTP
import Lending
import LendingBot
import Logging
import PanelSimulator
import PanelTesting
import Postgres
import PostgresTesting
import Pterodactyl
import Secrets
import SimulatorSupport
import TestSupport

/// The bot end to end: the real router behind the real gateway session and REST client, against
/// the Discord gateway and REST simulators (which enforce the 3-second first response), the panel
/// simulator, and a migrated PostgreSQL database. The workflow's clock is the panel simulator's
/// manual clock; tasks run when a test calls `drainTasks()`. The workflow's notices and the
/// panel-user role go through the real Discord adapters (`DiscordNotifier`, `DiscordCommunity`).
///
/// When the test body is done, every request body the bot sent to the REST simulator is checked
/// against Discord's OpenAPI spec, in one Python process; an invalid body fails the test.
struct BotWorld: Sendable {
    let pool: PostgresPool
    let rest: DiscordRESTSimulator
    let gateway: DiscordGatewaySimulator
    let panelWorld: PanelTestWorld
    let services: BotServices
    let runner: TaskRunner
    let scheduler: Scheduler
    let configuration: BotConfiguration
    let notifier: DiscordNotifier
    let community: DiscordCommunity

    static let guildID = "1200000000000000001"
    static let notifyChannelID = "1300000000000000001"
    static let moderatorRoleID = "1400000000000000001"
    static let panelUserRoleID = "1400000000000000002"

    /// The people of the simulated guild.
    enum Persona {
        static let moderator = SimulatedInvoker(userID: "1500000000000000001", username: "mod", roleIDs: [BotWorld.moderatorRoleID],
                                                permissions: SimulatedInvoker.memberPermissions, locale: "en-US")
        static let member = SimulatedInvoker(userID: "1500000000000000002", username: "alice", permissions: SimulatedInvoker.memberPermissions, locale: "ja")
        static let otherMember = SimulatedInvoker(userID: "1500000000000000003", username: "bob", permissions: SimulatedInvoker.memberPermissions, locale: "en-US")
        static let bot = SimulatedResolvedUser(id: "1500000000000000009", username: "helper-bot", isBot: true)

        static func resolved(_ invoker: SimulatedInvoker) -> SimulatedResolvedUser {
            SimulatedResolvedUser(id: invoker.userID, username: invoker.username)
        }
    }

    static func serverIdentifier(_ number: Int) -> String { String(format: "5e%06d", number) }

    /// - Parameters:
    ///   - usersBlockingDMs: people (Discord ids) who accept no direct messages from the bot.
    ///   - notifyChannel: false runs without `DISCORD_NOTIFY_CHANNEL_ID`.
    ///   - archiveDirectory: an existing directory for `ARCHIVE_TARGET`; nil archives nothing.
    ///   - versionManifest: Mojang's manifest for the catalog to read; nil knows only the built-in table.
    static func with(servers: Int = 3, usersBlockingDMs: Set<String> = [], notifyChannel: Bool = true, archiveDirectory: String? = nil,
                     versionManifest: VersionManifestSimulator? = nil, adjustPanel: (inout PanelSimulator.Configuration) -> Void = { _ in },
                     _ body: (BotWorld) async throws -> Void) async throws {
        var logger = Logger(label: "test.bot")
        logger.logLevel = .error
        let people = [Persona.moderator, Persona.member, Persona.otherMember]
        let rest = DiscordRESTSimulator(configuration: .init(
            guildID: guildID,
            users: people.map { SimulatedUser(id: $0.userID, username: $0.username, blocksDMs: usersBlockingDMs.contains($0.userID)) },
            members: people.map { SimulatedMember(userID: $0.userID, roleIDs: Set($0.roleIDs)) },
            roles: [SimulatedRole(id: moderatorRoleID, name: "moderators"), SimulatedRole(id: panelUserRoleID, name: "panel users")],
            channels: [SimulatedChannel(id: notifyChannelID, name: "lending-notices")]
        ), deadlineClock: .manual())
        let gateway = DiscordGatewaySimulator(configuration: .init(botToken: rest.configuration.botToken, heartbeatInterval: .seconds(3),
                                                                   heartbeatTolerance: .seconds(2), identifyWindow: .milliseconds(200)),
                                              rest: rest)

        var panelConfiguration = PanelSimulator.Configuration(
            servers: (1...max(servers, 1)).map { SimulatedPanelServer.standard(id: $0, identifier: serverIdentifier($0), name: String(format: "server%02d", $0)) },
            automaticBackupDuration: .seconds(20), automaticInstallDuration: .seconds(30))
        panelConfiguration.backupThrottleLimit = 100
        adjustPanel(&panelConfiguration)
        try await TestDatabase.with { pool in
            // The simulators start once a database is held: started first, every test waiting
            // for one would keep its servers (each holding a dispatch thread) alive meanwhile.
            try await rest.start()
            try await gateway.start()
            defer { Task { await gateway.stop(); await rest.stop() } }
            _ = try await Migrator(pool: pool, logger: logger).migrate(try Migration.load(from: PackageRoot.path("Prisma/migrations")))
            try await PanelTestWorld.with(panelConfiguration) { panelWorld in
                var configuration = BotConfiguration()
                // A few personas file every request here; the limit has tests of its own.
                configuration.checkoutMaxOpenRequests = 100
                configuration.discordToken = Secret(rest.configuration.botToken)
                configuration.guildID = guildID
                configuration.adminRoleIDs = [moderatorRoleID]
                configuration.panelUserRoleID = panelUserRoleID
                configuration.notifyChannelID = notifyChannel ? notifyChannelID : nil
                configuration.timeZone = TimeZone(identifier: "Asia/Tokyo") ?? .current
                let http = try HTTPClient(logger: logger)
                defer { http.shutdown() }
                let discord = DiscordClient(configuration: .init(token: Secret(rest.configuration.botToken), baseURL: rest.baseURL.absoluteString),
                                            transport: http, limiter: RateLimiter(clock: ContinuousClock(), logger: logger), logger: logger)
                configuration.archiveTarget = archiveDirectory.map { .localDirectory($0) } ?? .none
                let clock = panelWorld.clock
                let parts = BotComponents(configuration: configuration, discord: discord, panelClient: panelWorld.client, pool: pool,
                                          application: ApplicationID(rest.configuration.applicationID) ?? ApplicationID(1),
                                          guild: GuildID(guildID) ?? GuildID(1), language: GuildLanguage(), clock: clock,
                                          versionManifest: versionManifest.map { MojangVersionManifest(url: $0.manifestURL, transport: http, logger: logger) },
                                          logger: logger)
                let (services, runner, scheduler, notifier, community) = (parts.services, parts.runner, parts.scheduler, parts.notifier, parts.community)
                for number in 1...max(servers, 1) where number <= servers {
                    _ = try await ServerBindingTable.insert(name: String(format: "server%02d", number), pteroId: serverIdentifier(number), at: clock.date, on: pool)
                }
                let router = InteractionRouter(services: services, handlers: .all())
                let gatewayURL = gateway.gatewayURL.absoluteString
                var sessionConfiguration = GatewaySession.Configuration(token: Secret(rest.configuration.botToken)) { gatewayURL }
                sessionConfiguration.identifyInterval = .milliseconds(250)
                let session = GatewaySession(configuration: sessionConfiguration, logger: logger)
                let dispatcher = InteractionDispatcher(router: router, logger: logger)
                let consumer = Task { await dispatcher.run(session.dispatches) }
                let connection = Task { try? await session.run() }
                let world = BotWorld(pool: pool, rest: rest, gateway: gateway, panelWorld: panelWorld, services: services, runner: runner,
                                     scheduler: scheduler, configuration: configuration, notifier: notifier, community: community)
                do {
                    try await world.waitUntilReady()
                    try await body(world)
                    try await world.expectSpecValidBodies()
                } catch {
                    connection.cancel()
                    consumer.cancel()
                    throw error
                }
                connection.cancel()
                consumer.cancel()
                _ = await connection.value
            }
        }
    }

    /// Waits until the session has identified.
    func waitUntilReady() async throws {
        try await eventually("the gateway session is ready") { !gateway.identifies.isEmpty }
    }

    /// Polls `condition` (in real time) until it holds, or fails after `timeout`.
    func eventually(_ what: String, timeout: Duration = .seconds(60), _ condition: () async throws -> Bool) async throws {
        let deadline = ContinuousClock.now + timeout
        while try await !condition() {
            guard ContinuousClock.now < deadline else { throw Timeout(what: what) }
            try await Task.sleep(for: .milliseconds(10))
        }
    }

    /// Dispatches an interaction and waits for its first response; returns the interaction.
    @discardableResult
    func send(_ interaction: SimulatedInteraction) async throws -> SimulatedInteraction {
        gateway.dispatchInteraction(interaction)
        try await eventually("a response to \(interaction.type)") { !rest.interactionResponses(for: interaction.id).isEmpty }
        return interaction
    }

    /// Runs due tasks, moving the workflow's clock (the panel simulator's) past retry delays and
    /// the panel's own waits, until no task is QUEUED.
    func drainTasks(step: Duration = .seconds(30), maxRounds: Int = 200) async throws {
        for _ in 0..<maxRounds {
            try await runner.runDue()
            let queued = try await pool.query(#"SELECT "id" FROM "LendingTask" WHERE "state" = 'QUEUED'"#, named: "queued tasks")
            if queued.isEmpty { return }
            panelWorld.panel.advance(by: step)
        }
        throw Timeout(what: "every task to leave QUEUED")
    }

    /// Every body the bot sent to the REST simulator, checked against the OpenAPI spec at once.
    func expectSpecValidBodies() async throws {
        let sent = rest.requests.filter { !$0.rawBody.isEmpty }
        let verdicts = try await SpecValidator().checkAll(sent.map { .init(method: $0.method, path: $0.path, body: $0.rawBody) })
        let invalid = zip(sent, verdicts).filter { !$1.isValid }.map { "\($0.method) \($0.template): \($1.errors)" }
        if !invalid.isEmpty { throw InvalidBodies(details: invalid) }
    }

    struct InvalidBodies: Error, CustomStringConvertible {
        let details: [String]
        var description: String { "the bot sent bodies Discord's OpenAPI spec rejects:\n" + details.joined(separator: "\n") }
    }

    struct Timeout: Error, CustomStringConvertible {
        let what: String
        var description: String { "timed out waiting for \(what)" }
    }
}
