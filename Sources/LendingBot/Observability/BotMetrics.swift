public import Discord
public import Lending
public import Pterodactyl
import Synchronization

/// The bot's Prometheus series, counted in memory and rendered for `/metrics`.
///
/// Labels carry only small fixed vocabularies (interaction type, task kind, outcome): never a
/// user, guild, token or command argument, so that the series stay few and leak nothing.
public final class BotMetrics: LendingObserver, DiscordRequestObserver, PanelRequestObserver, Sendable {
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

    static let gatewayReconnects = MetricFamily(name: "lendingbot_gateway_reconnects_total", type: .counter,
                                                help: "Gateway connections that ended and were followed by a new one, by plan (resume, identify).")
    static let discordRequests = MetricFamily(name: "lendingbot_discord_requests_total", type: .counter,
                                              help: "Discord REST attempts by resource, method and status (2xx, 4xx, 429, 5xx, error); repeated attempts count each.")
    static let panelRequests = MetricFamily(name: "lendingbot_panel_requests_total", type: .counter,
                                            help: "Pterodactyl panel attempts by API, method and status (2xx, 4xx, 429, 5xx, error); repeated attempts count each.")

    private let registry = Mutex(MetricRegistry(families: [interactions, firstResponse, tasks, schedulerRuns, gatewaySessions, gatewayReconnects,
                                                           discordRequests, panelRequests],
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

    public func gatewayReconnecting(resuming: Bool) {
        registry.withLock { $0.increment(Self.gatewayReconnects, ["plan": resuming ? "resume" : "identify"]) }
    }

    public func discordRequestFinished(method: String, resource: String, status: Int?) {
        registry.withLock { $0.increment(Self.discordRequests, ["resource": resource, "method": method, "status": Self.statusClass(status)]) }
    }

    public func panelRequestFinished(api: String, method: String, status: Int?) {
        registry.withLock { $0.increment(Self.panelRequests, ["api": api, "method": method, "status": Self.statusClass(status)]) }
    }

    /// `2xx`, `3xx`, `4xx`, `5xx`, with 429 on its own so that rate limits stand out; `error` when
    /// no answer came. A small fixed set: the label never grows with traffic.
    static func statusClass(_ status: Int?) -> String {
        guard let status else { return "error" }
        if status == 429 { return "429" }
        guard (100..<600).contains(status) else { return "error" }
        return "\(status / 100)xx"
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
