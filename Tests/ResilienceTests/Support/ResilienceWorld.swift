import BotTesting
import Clocks
import TestSupport
import DiscordSimulator
import Logging
import PanelSimulator
import Postgres
import PostgresTesting
import SimulatorSupport

/// The bot end to end for the resilience suite (`BotHarness`): a crowd of members, bursts without
/// notices, a database on the suite's cluster or on a cluster of the test's own that it may
/// restart, and one or more `BotInstance`s on that database.
@dynamicMemberLookup
struct ResilienceWorld: Sendable {
    let harness: BotHarness
    /// The cluster of the test's own, when it asked for one.
    let cluster: TestCluster?

    subscript<Value>(dynamicMember keyPath: KeyPath<BotHarness, Value>) -> Value { harness[keyPath: keyPath] }

    enum Database {
        /// A throwaway database on the suite's cluster (`TEST_DATABASE_URL`).
        case shared
        /// A cluster of the test's own, which `world.cluster` can restart.
        case ownCluster
    }

    /// - Parameters:
    ///   - members: how many members (`Persona.numbered(1)…(n)`) the guild has besides the moderator.
    ///   - instances: bot instances on the one database; only the first connects to the gateway.
    ///   - notifyChannel: false runs without `DISCORD_NOTIFY_CHANNEL_ID`, so bursts post no notices.
    static func with(database: Database = .shared, servers: Int = 3, members: Int = 10, instances: Int = 1, notifyChannel: Bool = false,
                     _ body: (ResilienceWorld) async throws -> Void) async throws {
        var logger = Logger(label: "test.resilience")
        logger.logLevel = .critical
        let people = [Persona.moderator] + (0..<members).map { Persona.numbered($0 + 1) }
        try await withDatabase(database, logger: logger) { pool, cluster in
            // Checkouts at scale come from a handful of members, and their backups are many.
            try await BotHarness.with(pool: pool, people: people, servers: servers, instances: instances, notifyChannel: notifyChannel,
                                      adjustPanel: { $0.backupThrottleLimit = 1_000 }, logger: logger) { harness in
                try await body(ResilienceWorld(harness: harness, cluster: cluster))
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

    /// Dispatches an interaction and waits for its first response.
    @discardableResult
    func send(_ interaction: SimulatedInteraction) async throws -> SimulatedInteraction {
        try await harness.send(interaction)
    }

    func waitForAnswers(_ interactions: [SimulatedInteraction], timeout: Duration = .seconds(60)) async throws {
        try await harness.waitForAnswers(interactions, timeout: timeout)
    }

    func drainTasks() async throws {
        try await harness.drainTasks()
    }

    /// How many callbacks the bot posted for each interaction, whatever Discord answered (a
    /// second one is refused with 40060 "already acknowledged", but it still counts here).
    func callbackCounts() -> [String: Int] {
        var counts: [String: Int] = [:]
        for request in harness.rest.requests(to: .createInteractionResponse) {
            let parts = request.path.split(separator: "/")
            guard parts.count >= 2, parts[0] == "interactions" else { continue }
            counts[String(parts[1]), default: 0] += 1
        }
        return counts
    }

    /// The text of an interaction's first callback.
    func replyText(_ interaction: SimulatedInteraction) -> String? {
        harness.rest.interactionResponses(for: interaction.id).first?.body?["data"]?["content"]?.stringValue
    }

    /// What the invoker finally reads: the callback's text, or a deferred reply's text once the
    /// bot has edited it in (real time, up to 20 s on a loaded machine).
    func finalReplyText(_ interaction: SimulatedInteraction) async throws -> String? {
        if let text = replyText(interaction) { return text }
        var edited: String?
        // No edit in time reads as no text: the caller's expectation names what is missing.
        try? await eventually("the deferred reply's edit", timeout: .seconds(20)) {
            edited = harness.rest.originalResponse(for: interaction.id)?["content"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
            return edited != nil
        }
        return edited
    }

    func count(_ table: String) async throws -> Int {
        try await harness.pool.query(Query(unsafeSQL: "SELECT count(*)::int AS n FROM \"\(table)\""), named: "count rows").first?.decode("n", as: Int.self) ?? 0
    }
}
