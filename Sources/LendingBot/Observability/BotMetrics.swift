import CoreMetrics
import Foundation
public import Discord
public import Lending
import Prometheus
public import Pterodactyl
import Synchronization

/// The bot's series, counted through swift-metrics and rendered by swift-prometheus for `/metrics`.
///
/// Each bot has a registry of its own (never the global `MetricsSystem`), so two bots in one
/// process, as in the tests, never share a series. The families and their label vocabulary are
/// `MetricFamilies`; every known label set is created at 0 here. Gauges that describe the data
/// (loans, free servers, tasks) and the process are read when `/metrics` is asked (`scrape()`).
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
        /// Not handled: Discord's 3 seconds for the first answer had passed before the bot could
        /// start on it (the bot was overloaded), so no answer could reach the invoker.
        case expired
    }

    /// How an outbound call's attempt ended, for the duration histograms.
    public enum RequestOutcome: String, Sendable, CaseIterable {
        case succeeded
        /// 429: waited out and repeated, or given up.
        case rateLimited = "rate_limited"
        /// Any other status outside 2xx and 3xx, or no answer at all.
        case failed
    }

    /// How a scrape's read of the data gauges ended.
    public enum RefreshOutcome: String, Sendable, CaseIterable {
        case succeeded, failed
        case timedOut = "timed_out"
    }

    let registry = PrometheusCollectorRegistry()
    private let factory: PrometheusMetricsFactory
    private let sources = Mutex(MetricsSources())
    /// The process's CPU time at the last scrape, so the counter grows by what was spent since.
    private let lastCPUSeconds = Mutex(0.0)
    private let counters = Mutex<[SeriesKey: CoreMetrics.Counter]>([:])
    private let gauges = Mutex<[SeriesKey: Meter]>([:])
    private let timers = Mutex<[SeriesKey: CoreMetrics.Timer]>([:])

    /// One series: its family and its labels, names and values in turn, as the callers list them
    /// (in name order, the series' spelling). An array rather than a dictionary: building, hashing
    /// and comparing a dictionary of labels for every event was about 2 % of the bot's
    /// instructions per interaction.
    private struct SeriesKey: Hashable {
        let family: String
        let labels: [String]

        init(family: String, labels: [(String, String)]) {
            self.family = family
            var flat: [String] = []
            flat.reserveCapacity(labels.count * 2)
            for (name, value) in labels {
                flat.append(name)
                flat.append(value)
            }
            self.labels = flat
        }
    }

    public init() {
        factory = PrometheusMetricsFactory(registry: registry)
        for family in MetricFamilies.all {
            for labels in family.knownLabelSets {
                create(family, labels)
            }
        }
    }

    // MARK: Events

    public func interactionHandled(_ type: InteractionType, outcome: InteractionOutcome) {
        counter(MetricFamilies.interactions, [("outcome", outcome.rawValue), ("type", type.rawValue)]).increment()
    }

    public func firstResponse(_ type: InteractionType, after duration: Duration) {
        timer(MetricFamilies.firstResponse, [("type", type.rawValue)]).recordNanoseconds(Self.nanoseconds(duration))
    }

    public func taskFinished(_ kind: TaskKind, outcome: TaskOutcome) {
        counter(MetricFamilies.tasks, [("kind", Self.taskKind(kind)), ("outcome", outcome.rawValue)]).increment()
    }

    public func schedulerRan(succeeded: Bool) {
        counter(MetricFamilies.schedulerRuns, [("outcome", succeeded ? "succeeded" : "failed")]).increment()
    }

    public func gatewaySessionEstablished(resumed: Bool) {
        counter(MetricFamilies.gatewaySessions, [("kind", resumed ? "resumed" : "identified")]).increment()
    }

    public func gatewayReconnecting(resuming: Bool) {
        counter(MetricFamilies.gatewayReconnects, [("plan", resuming ? "resume" : "identify")]).increment()
    }

    public func discordRequestFinished(method: String, resource: String, status: Int?, duration: Duration) {
        counter(MetricFamilies.discordRequests, [("method", method), ("resource", resource), ("status", Self.statusClass(status))]).increment()
        timer(MetricFamilies.discordDuration, [("outcome", Self.requestOutcome(status).rawValue), ("resource", resource)]).recordNanoseconds(Self.nanoseconds(duration))
    }

    public func panelRequestFinished(api: String, method: String, status: Int?, duration: Duration) {
        counter(MetricFamilies.panelRequests, [("api", api), ("method", method), ("status", Self.statusClass(status))]).increment()
        timer(MetricFamilies.panelDuration, [("api", api), ("outcome", Self.requestOutcome(status).rawValue)]).recordNanoseconds(Self.nanoseconds(duration))
    }

    /// `lendingbot_build_info{version,commit} 1`.
    public func recordBuild(version: String, commit: String) {
        gauge(MetricFamilies.buildInfo, [("commit", commit), ("version", version)]).set(1.0)
    }

    /// `2xx`, `3xx`, `4xx`, `5xx`, with 429 on its own so that rate limits stand out; `error` when
    /// no answer came. A small fixed set: the label never grows with traffic.
    static func statusClass(_ status: Int?) -> String {
        guard let status else { return "error" }
        if status == 429 { return "429" }
        guard (100..<600).contains(status) else { return "error" }
        return "\(status / 100)xx"
    }

    static func requestOutcome(_ status: Int?) -> RequestOutcome {
        switch status ?? 0 {
        case 200..<400: .succeeded
        case 429: .rateLimited
        default: .failed
        }
    }

    /// `TaskKind`'s database names in the label's lower case (`RETURN` is `return`).
    static func taskKind(_ kind: TaskKind) -> String {
        kind.rawValue.lowercased()
    }

    // MARK: Scraping

    /// Where the scrape-time gauges come from; set once the bot has them.
    public func attach(_ sources: MetricsSources) {
        self.sources.withLock { $0 = sources }
    }

    /// Reads the gauges (the data within its time limit, the gateway, the process), then renders.
    public func scrape() async -> String {
        let sources = self.sources.withLock { $0 }
        if let statistics = sources.statistics {
            await refreshStatistics(statistics, timeout: sources.statisticsTimeout)
        }
        if let gateway = sources.gateway {
            let state = gateway()
            gauge(MetricFamilies.gatewayConnected, []).set(state.connected ? 1.0 : 0.0)
            gauge(MetricFamilies.heartbeatLatency, []).set(state.heartbeatLatency.map(Self.seconds) ?? 0)
        }
        refreshProcess(ProcessStatistics.read())
        return render()
    }

    private func refreshStatistics(_ read: @escaping @Sendable () async throws -> LendingStatistics, timeout: Duration) async {
        let answer = Mutex<LendingStatistics?>(nil)
        let settled = await HealthCheck.firstOf(timeout: timeout) {
            do {
                let statistics = try await read()
                answer.withLock { $0 = statistics }
                return nil
            } catch {
                return "\(error)"
            }
        }
        let outcome: RefreshOutcome
        switch settled {
        case .none: outcome = .timedOut
        case .some(.some): outcome = .failed
        case .some(.none): outcome = .succeeded
        }
        counter(MetricFamilies.stateRefreshes, [("outcome", outcome.rawValue)]).increment()
        guard outcome == .succeeded, let statistics = answer.withLock({ $0 }) else { return }
        for (status, count) in statistics.workflows {
            gauge(MetricFamilies.loans, [("status", status.rawValue)]).set(Double(count))
        }
        gauge(MetricFamilies.freeServers, []).set(Double(statistics.freeServers))
        gauge(MetricFamilies.tasksQueued, []).set(Double(statistics.queuedTasks))
        gauge(MetricFamilies.tasksAwaitingRetry, []).set(Double(statistics.failedTasks))
    }

    private func refreshProcess(_ process: ProcessStatistics) {
        if let value = process.residentMemoryBytes { gauge(MetricFamilies.residentMemory, []).set(value) }
        if let value = process.openFDs { gauge(MetricFamilies.openFDs, []).set(value) }
        if let value = process.maxFDs { gauge(MetricFamilies.maxFDs, []).set(value) }
        if let value = process.startTimeSeconds { gauge(MetricFamilies.startTime, []).set(value) }
        if let total = process.cpuSeconds {
            // A counter only goes up: add what was spent since the last scrape.
            let spent = lastCPUSeconds.withLock { last in
                defer { last = max(last, total) }
                return max(0, total - last)
            }
            if spent > 0 {
                FloatingPointCounter(label: MetricFamilies.processCPU.name, dimensions: [],
                                     handler: registry.makeCounter(descriptor: Self.descriptor(MetricFamilies.processCPU), labels: []))
                    .increment(by: spent)
            }
        }
    }

    /// Every series in the Prometheus text exposition format, version 0.0.4, the families in
    /// `MetricFamilies.all`'s order.
    public func render() -> String {
        Self.ordered(registry.emitToString())
    }

    /// The registry emits its families in hash order, different at every start; an operator reading
    /// `/metrics` finds them in the order the README lists them. Each family is one block that
    /// starts with its `# HELP` line; a block of an unknown family goes last, as it came.
    static func ordered(_ text: String) -> String {
        var blocks: [(name: String, text: String)] = []
        for line in text.split(separator: "\n") {
            if line.hasPrefix("# HELP ") || blocks.isEmpty {
                let name = line.hasPrefix("# HELP ") ? String(line.dropFirst("# HELP ".count).prefix { $0 != " " }) : ""
                blocks.append((name, ""))
            }
            blocks[blocks.count - 1].text += line + "\n"
        }
        let rank = Dictionary(uniqueKeysWithValues: MetricFamilies.all.enumerated().map { ($1.name, $0) })
        return blocks.enumerated()
            .sorted { (rank[$0.element.name] ?? Int.max, $0.offset) < (rank[$1.element.name] ?? Int.max, $1.offset) }
            .map(\.element.text).joined()
    }

    /// The current value of one series (a counter or gauge) as rendered; 0 when it is absent.
    public func count(_ name: String, _ labels: [String: String]) -> Double {
        let series = name + Self.labelText(labels.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
        for line in render().split(separator: "\n") where line.hasPrefix(series + " ") {
            return Double(line.dropFirst(series.count + 1)) ?? 0
        }
        return 0
    }

    // MARK: Series

    private func create(_ family: MetricFamily, _ labels: [(String, String)]) {
        switch family.kind {
        case .counter: _ = registry.makeCounter(descriptor: Self.descriptor(family), labels: labels)
        case .gauge: _ = registry.makeGauge(descriptor: Self.descriptor(family), labels: labels)
        case .histogram(let buckets): _ = registry.makeDurationHistogram(descriptor: Self.descriptor(family), labels: labels, buckets: buckets)
        }
    }

    private func counter(_ family: MetricFamily, _ labels: [(String, String)]) -> CoreMetrics.Counter {
        made(family, labels, in: counters) { dimensions in
            CoreMetrics.Counter(label: family.name, dimensions: dimensions,
                                handler: registry.makeCounter(descriptor: Self.descriptor(family), labels: dimensions), factory: factory)
        }
    }

    private func gauge(_ family: MetricFamily, _ labels: [(String, String)]) -> Meter {
        made(family, labels, in: gauges) { dimensions in
            Meter(label: family.name, dimensions: dimensions,
                  handler: registry.makeGauge(descriptor: Self.descriptor(family), labels: dimensions), factory: factory)
        }
    }

    private func timer(_ family: MetricFamily, _ labels: [(String, String)]) -> CoreMetrics.Timer {
        guard case .histogram(let buckets) = family.kind else { preconditionFailure("\(family.name) is not a histogram") }
        return made(family, labels, in: timers) { dimensions in
            CoreMetrics.Timer(label: family.name, dimensions: dimensions,
                              handler: registry.makeDurationHistogram(descriptor: Self.descriptor(family), labels: dimensions, buckets: buckets),
                              factory: factory)
        }
    }

    /// The series of `family` with `labels`, made once and then reused: asking the registry each
    /// time (it checks the name and the labels and looks the series up) cost about 10,000
    /// instructions per event, and two events come with every request to Discord. The label sets
    /// are small and fixed (no label grows with traffic), so the caches stay small.
    private func made<Metric: Sendable>(_ family: MetricFamily, _ labels: [(String, String)], in cache: borrowing Mutex<[SeriesKey: Metric]>,
                                        _ make: ([(String, String)]) -> Metric) -> Metric {
        let key = SeriesKey(family: family.name, labels: labels)
        if let known = cache.withLock({ $0[key] }) { return known }
        let metric = make(Self.sorted(labels))
        cache.withLock { $0[key] = metric }
        return metric
    }

    /// The family's full name as the metric name, with no unit appended (the names carry theirs).
    private static func descriptor(_ family: MetricFamily) -> MetricNameDescriptor {
        MetricNameDescriptor(metricName: family.name, unitName: "", helpText: family.help)
    }

    /// Labels in name order, so that one series always has one spelling.
    private static func sorted(_ labels: [(String, String)]) -> [(String, String)] {
        labels.sorted { $0.0 < $1.0 }
    }

    static func nanoseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        let (whole, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        return overflow ? .max : whole + attoseconds / 1_000_000_000
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    private static func labelText(_ labels: [(String, String)]) -> String {
        guard !labels.isEmpty else { return "" }
        let escaped = labels.map { name, value in
            let value = value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\n", with: "\\n")
                .replacingOccurrences(of: "\"", with: "\\\"")
            return "\(name)=\"\(value)\""
        }
        return "{" + escaped.joined(separator: ",") + "}"
    }
}

/// Where `BotMetrics.scrape()` reads the gauges that describe the bot's state.
public struct MetricsSources: Sendable {
    /// The gateway session's state at the moment of the scrape.
    public struct GatewayState: Sendable {
        public var connected: Bool
        public var heartbeatLatency: Duration?

        public init(connected: Bool, heartbeatLatency: Duration?) {
            self.connected = connected
            self.heartbeatLatency = heartbeatLatency
        }
    }

    /// Reads the loan and task counts (`LendingStatistics.read`); nil leaves those gauges at 0.
    public var statistics: (@Sendable () async throws -> LendingStatistics)?
    /// How long a scrape waits for `statistics` before it keeps the last values.
    public var statisticsTimeout: Duration = .seconds(2)
    public var gateway: (@Sendable () -> GatewayState)?

    public init(statistics: (@Sendable () async throws -> LendingStatistics)? = nil, statisticsTimeout: Duration = .seconds(2),
                gateway: (@Sendable () -> GatewayState)? = nil) {
        self.statistics = statistics
        self.statisticsTimeout = statisticsTimeout
        self.gateway = gateway
    }
}
