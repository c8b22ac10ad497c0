public import Lending
import Synchronization

/// The bot's Prometheus series, counted in memory and rendered for `/metrics`.
///
/// Labels carry only small fixed vocabularies (interaction type, task kind, outcome): never a
/// user, guild, token or command argument, so that the series stay few and leak nothing.
public final class BotMetrics: LendingObserver, Sendable {
    /// Interaction kinds as the label `type` spells them.
    public enum InteractionType: String, Sendable, CaseIterable {
        case command, autocomplete, component, modal, unknown
    }

    /// How the router finished with an interaction.
    public enum InteractionOutcome: String, Sendable, CaseIterable {
        /// The handler ran to the end.
        case answered
        /// The invoker was told no: missing rights, bad input, a rule of the lending policy.
        case refused
        /// Something broke: the panel, Discord, the database or the bot itself.
        case failed
    }

    /// Upper bounds of the first-response histogram, in seconds; Discord allows three.
    public static let firstResponseBuckets: [Double] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3]

    static let interactions = MetricFamily(name: "lendingbot_interactions_total", type: .counter,
                                           help: "Interactions handled, by type and outcome (answered, refused, failed).")
    static let firstResponse = MetricFamily(name: "lendingbot_interaction_first_response_seconds", type: .histogram,
                                            help: "Time from receiving an interaction to its initial response.")
    static let tasks = MetricFamily(name: "lendingbot_tasks_total", type: .counter,
                                    help: "Durable task attempts by kind and how they ended (succeeded, failed, retried).")
    static let schedulerRuns = MetricFamily(name: "lendingbot_scheduler_runs_total", type: .counter,
                                            help: "Scheduler passes by result (ok, failed).")
    static let gatewaySessions = MetricFamily(name: "lendingbot_gateway_sessions_total", type: .counter,
                                              help: "Gateway sessions established, by kind (identified, resumed).")

    private let registry = Mutex(MetricRegistry(families: [interactions, firstResponse, tasks, schedulerRuns, gatewaySessions],
                                                buckets: firstResponseBuckets))

    public init() {}

    public func interactionHandled(_ type: InteractionType, outcome: InteractionOutcome) {
        registry.withLock { $0.increment(Self.interactions, ["type": type.rawValue, "outcome": outcome.rawValue]) }
    }

    public func firstResponse(after duration: Duration) {
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        registry.withLock { $0.observe(Self.firstResponse, seconds) }
    }

    public func taskFinished(_ kind: TaskKind, outcome: TaskOutcome) {
        registry.withLock { $0.increment(Self.tasks, ["kind": kind.rawValue.lowercased(), "state": outcome.rawValue]) }
    }

    public func schedulerRan(succeeded: Bool) {
        registry.withLock { $0.increment(Self.schedulerRuns, ["result": succeeded ? "ok" : "failed"]) }
    }

    public func gatewaySessionEstablished(resumed: Bool) {
        registry.withLock { $0.increment(Self.gatewaySessions, ["kind": resumed ? "resumed" : "identified"]) }
    }

    /// The current value of one counter series; 0 when it was never counted.
    public func count(_ name: String, _ labels: [String: String]) -> Double {
        registry.withLock { $0.counters[MetricRegistry.SeriesKey(name: name, labels: labels)] ?? 0 }
    }

    /// Every series in the Prometheus text exposition format, version 0.0.4.
    public func render() -> String {
        registry.withLock { $0.render() }
    }
}
