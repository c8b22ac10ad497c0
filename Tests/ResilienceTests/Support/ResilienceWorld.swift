import Clocks
import DiscordSimulator
import Foundation
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

/// The bot end to end for the resilience suite: the Discord REST and gateway simulators, the panel
/// simulator, a migrated PostgreSQL database (on the suite's cluster, or on a cluster of the
/// test's own that it may restart), and one or more `BotInstance`s on that database. The first
/// instance is connected to the gateway; the others run tasks and scheduler ticks only.
struct ResilienceWorld: Sendable {
    let pool: PostgresPool
    let rest: DiscordRESTSimulator
    let gateway: DiscordGatewaySimulator
    let panelWorld: PanelTestWorld
    let configuration: BotConfiguration
    let instances: [BotInstance]
    /// The cluster of the test's own, when it asked for one.
    let cluster: TestCluster?

    var bot: BotInstance { instances[0] }

    static let guildID = "1200000000000000001"
    static let notifyChannelID = "1300000000000000001"
    static let moderatorRoleID = "1400000000000000001"
    static let panelUserRoleID = "1400000000000000002"
    static let moderator = SimulatedInvoker(userID: "1500000000000000001", username: "mod", roleIDs: [moderatorRoleID],
                                            permissions: SimulatedInvoker.memberPermissions, locale: "en-US")

    /// The `number`th member of the simulated guild (English locale, ordinary permissions).
    static func member(_ number: Int) -> SimulatedInvoker {
        SimulatedInvoker(userID: String(1_600_000_000_000_000_000 + number), username: "member\(number)",
                         permissions: SimulatedInvoker.memberPermissions, locale: "en-US")
    }

    static func serverIdentifier(_ number: Int) -> String { String(format: "5e%06d", number) }

    enum Database {
        /// A throwaway database on the suite's cluster (`TEST_DATABASE_URL`).
        case shared
        /// A cluster of the test's own, which `world.cluster` can restart.
        case ownCluster
    }

    /// - Parameters:
    ///   - members: how many members (`member(1)…member(n)`) the guild has besides the moderator.
    ///   - instances: bot instances on the one database; only the first connects to the gateway.
    ///   - notifyChannel: false runs without `DISCORD_NOTIFY_CHANNEL_ID`, so bursts post no notices.
    static func with(database: Database = .shared, servers: Int = 3, members: Int = 10, instances: Int = 1, notifyChannel: Bool = false,
                     _ body: (ResilienceWorld) async throws -> Void) async throws {
        var logger = Logger(label: "test.resilience")
        logger.logLevel = .critical
        let people = [moderator] + (0..<members).map { member($0 + 1) }
        let rest = DiscordRESTSimulator(configuration: .init(
            guildID: guildID,
            users: people.map { SimulatedUser(id: $0.userID, username: $0.username) },
            members: people.map { SimulatedMember(userID: $0.userID, roleIDs: Set($0.roleIDs)) },
            roles: [SimulatedRole(id: moderatorRoleID, name: "moderators"), SimulatedRole(id: panelUserRoleID, name: "panel users")],
            channels: [SimulatedChannel(id: notifyChannelID, name: "lending-notices")]
        ), deadlineClock: .manual())
        try await rest.start()
        let gateway = DiscordGatewaySimulator(configuration: .init(botToken: rest.configuration.botToken, heartbeatInterval: .seconds(3),
                                                                   heartbeatTolerance: .seconds(2), identifyWindow: .milliseconds(200)),
                                              rest: rest)
        try await gateway.start()
        defer { Task { await gateway.stop(); await rest.stop() } }

        var panelConfiguration = PanelSimulator.Configuration(
            servers: (1...max(servers, 1)).map { SimulatedPanelServer.standard(id: $0, identifier: serverIdentifier($0), name: String(format: "server%02d", $0)) },
            automaticBackupDuration: .seconds(20), automaticInstallDuration: .seconds(30))
        panelConfiguration.backupThrottleLimit = 1_000
        var configuration = BotConfiguration()
        // Checkouts at scale come from a handful of members.
        configuration.checkoutMaxOpenRequests = 100
        configuration.discordToken = Secret(rest.configuration.botToken)
        configuration.guildID = guildID
        configuration.adminRoleIDs = [moderatorRoleID]
        configuration.panelUserRoleID = panelUserRoleID
        configuration.notifyChannelID = notifyChannel ? notifyChannelID : nil
        configuration.timeZone = TimeZone(identifier: "Asia/Tokyo") ?? .current

        try await withDatabase(database, logger: logger) { pool, cluster in
            _ = try await Migrator(pool: pool, logger: logger).migrate(try Migration.load(from: PackageRoot.path("Prisma/migrations")))
            try await PanelTestWorld.with(panelConfiguration, logger: logger) { panelWorld in
                let now = panelWorld.clock.date
                for number in 1...max(servers, 1) {
                    _ = try await ServerBindingTable.insert(name: String(format: "server%02d", number), pteroId: serverIdentifier(number), at: now, on: pool)
                }
                let bots = try (0..<max(instances, 1)).map { _ in
                    try BotInstance(pool: pool, rest: rest, gateway: gateway, panelWorld: panelWorld, configuration: configuration, logger: logger)
                }
                let world = ResilienceWorld(pool: pool, rest: rest, gateway: gateway, panelWorld: panelWorld, configuration: configuration,
                                            instances: bots, cluster: cluster)
                bots[0].connect()
                do {
                    try await world.eventually("the gateway session is ready") { !gateway.identifies.isEmpty }
                    try await body(world)
                } catch {
                    for bot in bots { await bot.stop() }
                    throw error
                }
                for bot in bots { await bot.stop() }
            }
        }
    }

    private static func withDatabase(_ database: Database, logger: Logger,
                                     _ body: (PostgresPool, TestCluster?) async throws -> Void) async throws {
        switch database {
        case .shared:
            try await TestDatabase.with(maximumConnections: 8, logger: logger) { pool in try await body(pool, nil) }
        case .ownCluster:
            try await TestCluster.with { cluster in
                let pool = PostgresPool(try cluster.configuration(), maximumConnections: 8, logger: logger)
                do {
                    try await body(pool, cluster)
                } catch {
                    await pool.close()
                    throw error
                }
                await pool.close()
            }
        }
    }

    // MARK: Waiting and counting

    /// Polls `condition` (in real time) until it holds, or fails after `timeout`.
    func eventually(_ what: String, timeout: Duration = .seconds(30), _ condition: () async throws -> Bool) async throws {
        let deadline = ContinuousClock.now + timeout
        while try await !condition() {
            guard ContinuousClock.now < deadline else { throw Timeout(what: what) }
            try await Task.sleep(for: .milliseconds(10))
        }
    }

    /// Waits until every one of `interactions` has had a first response from the bot. On timeout,
    /// says how many were never answered and how Discord answered those the bot did try (a 404
    /// is a callback after the 3-second deadline).
    func waitForAnswers(_ interactions: [SimulatedInteraction], timeout: Duration = .seconds(60)) async throws {
        do {
            try await eventually("answers to \(interactions.count) interactions", timeout: timeout) {
                interactions.allSatisfy { !rest.interactionResponses(for: $0.id).isEmpty }
            }
        } catch is Timeout {
            let missing = Set(interactions.filter { rest.interactionResponses(for: $0.id).isEmpty }.map(\.id))
            let statuses = rest.requests(to: .createInteractionResponse)
                .filter { request in missing.contains { request.path.hasPrefix("/interactions/\($0)/") } }
                .map(\.status)
            throw Timeout(what: "answers to \(interactions.count) interactions: \(missing.count) unanswered, "
                          + "their callbacks were refused with \(statuses.sorted()) (404: after the 3-second deadline)")
        }
    }

    /// Dispatches an interaction and waits for its first response.
    @discardableResult
    func send(_ interaction: SimulatedInteraction) async throws -> SimulatedInteraction {
        gateway.dispatchInteraction(interaction)
        try await waitForAnswers([interaction])
        return interaction
    }

    /// How many callbacks the bot posted for each interaction, whatever Discord answered (a
    /// second one is refused with 40060 "already acknowledged", but it still counts here).
    func callbackCounts() -> [String: Int] {
        var counts: [String: Int] = [:]
        for request in rest.requests(to: .createInteractionResponse) {
            let parts = request.path.split(separator: "/")
            guard parts.count >= 2, parts[0] == "interactions" else { continue }
            counts[String(parts[1]), default: 0] += 1
        }
        return counts
    }

    /// The text of an interaction's first callback.
    func replyText(_ interaction: SimulatedInteraction) -> String? {
        rest.interactionResponses(for: interaction.id).first?.body?["data"]?["content"]?.stringValue
    }

    /// What the invoker finally reads: the callback's text, or a deferred reply's text once the
    /// bot has edited it in (real time, up to 20 s on a loaded machine).
    func finalReplyText(_ interaction: SimulatedInteraction) async throws -> String? {
        if let text = replyText(interaction) { return text }
        for _ in 0..<2_000 {
            if let text = rest.originalResponse(for: interaction.id)?["content"]?.stringValue, !text.isEmpty { return text }
            try await Task.sleep(for: .milliseconds(10))
        }
        return nil
    }

    func count(_ table: String) async throws -> Int {
        try await pool.query(Query(unsafeSQL: "SELECT count(*)::int AS n FROM \"\(table)\""), named: "count rows").first?.decode("n", as: Int.self) ?? 0
    }

    /// Runs due tasks on every instance at once, moving the workflow's clock past retry delays
    /// and the panel's own waits, until no task is QUEUED.
    func drainTasks(step: Duration = .seconds(30), maxRounds: Int = 400) async throws {
        for _ in 0..<maxRounds {
            try await withThrowingTaskGroup(of: Int.self) { group in
                for bot in instances { group.addTask { try await bot.runner.runDue() } }
                try await group.waitForAll()
            }
            if try await pool.query(#"SELECT "id" FROM "LendingTask" WHERE "state" = 'QUEUED'"#, named: "queued tasks").isEmpty { return }
            panelWorld.panel.advance(by: step)
        }
        throw Timeout(what: "every task to leave QUEUED")
    }

    struct Timeout: Error, CustomStringConvertible {
        let what: String
        var description: String { "timed out waiting for \(what)" }
    }
}
