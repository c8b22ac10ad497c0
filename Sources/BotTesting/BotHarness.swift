import Clocks
public import DiscordSimulator
import Foundation
public import Lending
public import LendingBot
public import Logging
public import PanelSimulator
public import PanelTesting
public import Postgres
import SimulatorSupport
import TestSupport

/// The bot end to end: the seeded guild in the Discord REST and gateway simulators (the REST one
/// enforcing the 3-second first response on a deadline clock only the test moves), the panel
/// simulator with the servers bound in the pool, a migrated database, and one or more
/// `BotInstance`s on it. The first instance is connected to the gateway; the others run tasks and
/// scheduler ticks only. The workflow's clock is the panel simulator's manual clock; tasks run
/// when a test calls `drainTasks()`.
public struct BotHarness: Sendable {
    public let pool: PostgresPool
    public let rest: DiscordRESTSimulator
    public let gateway: DiscordGatewaySimulator
    public let panelWorld: PanelTestWorld
    public let configuration: BotConfiguration
    public let instances: [BotInstance]

    /// The instance connected to the gateway.
    public var bot: BotInstance { instances[0] }
    public var services: BotServices { bot.services }
    public var runner: TaskRunner { bot.runner }
    public var scheduler: Scheduler { bot.scheduler }
    public var notifier: DiscordNotifier { bot.notifier }
    public var community: DiscordCommunity { bot.community }

    /// Starts the simulators, migrates `pool`'s database and binds the servers, runs `body` once
    /// the first instance's session is ready, and stops everything whatever `body` does.
    /// - Parameters:
    ///   - people: the guild's users and members.
    ///   - usersBlockingDMs: people (Discord ids) who accept no direct messages from the bot.
    ///   - instances: bot instances on the one database; only the first connects to the gateway.
    ///   - notifyChannel: false runs without `DISCORD_NOTIFY_CHANNEL_ID`.
    ///   - archiveDirectory: an existing directory for `ARCHIVE_TARGET`; nil archives nothing.
    ///   - versionManifest: Mojang's manifest for the catalog to read; nil knows only the built-in table.
    ///   - adjustConfiguration: changes the bot's configuration last (another `ARCHIVE_TARGET`, say).
    public static func with(pool: PostgresPool, people: [SimulatedInvoker], usersBlockingDMs: Set<String> = [], servers: Int, instances: Int = 1,
                            notifyChannel: Bool, archiveDirectory: String? = nil, versionManifest: VersionManifestSimulator? = nil,
                            adjustPanel: (inout PanelSimulator.Configuration) -> Void = { _ in },
                            adjustConfiguration: (inout BotConfiguration) -> Void = { _ in }, logger: Logger,
                            _ body: (BotHarness) async throws -> Void) async throws {
        let rest = DiscordRESTSimulator(configuration: SeededGuild.discord(people: people, usersBlockingDMs: usersBlockingDMs), deadlineClock: .manual())
        let gateway = SeededGuild.gateway(for: rest)
        var panelConfiguration = SeededGuild.panel(servers: servers)
        adjustPanel(&panelConfiguration)
        var configuration = SeededGuild.botConfiguration(token: rest.configuration.botToken, notifyChannel: notifyChannel)
        configuration.archiveTarget = archiveDirectory.map { .localDirectory($0) } ?? .none
        adjustConfiguration(&configuration)
        // The simulators start once a database is held: started first, every test waiting
        // for one would keep its servers (each holding a dispatch thread) alive meanwhile.
        try await rest.start()
        try await gateway.start()
        defer { Task { await gateway.stop(); await rest.stop() } }
        _ = try await Migrator(pool: pool, logger: logger).migrate(try Migration.load(from: PackageRoot.path("Prisma/migrations")))
        try await PanelTestWorld.with(panelConfiguration, logger: logger) { panelWorld in
            let now = panelWorld.clock.date
            for number in 1...max(servers, 1) where number <= servers {
                // Of the type its egg on the panel says, as `server-binding set` would read it.
                let egg = panelConfiguration.servers.first { $0.identifier == SeededGuild.serverIdentifier(number) }?.egg ?? .paper
                _ = try await ServerBindingTable.insert(name: SeededGuild.serverName(number), pteroId: SeededGuild.serverIdentifier(number),
                                                        serverType: ServerType.fromEgg(named: egg.name), at: now, on: pool)
            }
            let bots = try (0..<max(instances, 1)).map { _ in
                try BotInstance(pool: pool, rest: rest, gateway: gateway, panelWorld: panelWorld, configuration: configuration,
                                versionManifest: versionManifest, logger: logger)
            }
            let harness = BotHarness(pool: pool, rest: rest, gateway: gateway, panelWorld: panelWorld, configuration: configuration, instances: bots)
            bots[0].connect()
            do {
                try await eventually("the gateway session is ready") { !gateway.identifies.isEmpty }
                try await body(harness)
            } catch {
                for bot in bots { await bot.stop() }
                throw error
            }
            for bot in bots { await bot.stop() }
        }
    }

    /// Dispatches an interaction and waits for its first response; returns the interaction.
    @discardableResult
    public func send(_ interaction: SimulatedInteraction) async throws -> SimulatedInteraction {
        gateway.dispatchInteraction(interaction)
        try await waitForAnswers([interaction])
        return interaction
    }

    /// Waits until every one of `interactions` has had a first response from the bot. On timeout,
    /// says how many were never answered and how Discord answered those the bot did try (a 404
    /// is a callback after the 3-second deadline).
    public func waitForAnswers(_ interactions: [SimulatedInteraction], timeout: Duration = .seconds(60)) async throws {
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

    /// Lets every instance's live board finish refreshing: moves each board's wait clock past the
    /// coalescing delay while a refresh is scheduled, until none is.
    public func settleBoard() async throws {
        try await eventually("the live board to settle") {
            for bot in instances where bot.boardClock.sleeperCount > 0 { bot.boardClock.advanceToNextDeadline() }
            return instances.allSatisfy { $0.board.isSettled }
        }
    }

    /// Runs due tasks on every instance at once, moving the workflow's clock (the panel
    /// simulator's) past retry delays and the panel's own waits, until no task is QUEUED.
    public func drainTasks(step: Duration = .seconds(30), maxRounds: Int = 400) async throws {
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
}
