/// Every series `/metrics` serves: each family's name, type, help line and closed label sets.
///
/// One vocabulary for labels: how something ended is always `outcome` (`succeeded`, `failed`, and
/// for interactions `answered`/`refused`, for requests `rate_limited`); what was called is its route
/// class (`resource` for Discord, `api` for the panel), never an id; interaction kinds are `type`;
/// task kinds `kind`. Labels never carry a user, guild, token or command argument, so the series
/// stay few and leak nothing. `BotMetrics` creates every known label set at 0 when it starts, so a
/// rate or an alert has a series to read before the first event.
struct MetricFamily: Sendable {
    enum Kind: Sendable {
        case counter
        case gauge
        case histogram(buckets: [Duration])
    }

    let name: String
    let kind: Kind
    let help: String
    /// Each label set the family knows at start, labels sorted by name; `[[]]` for an unlabelled
    /// family, `[]` for one whose labels are only known when it is set (build info).
    let knownLabelSets: [[(String, String)]]

    /// Every combination of `dimensions`' values, each as labels sorted by name.
    static func product(_ dimensions: [(String, [String])]) -> [[(String, String)]] {
        var sets: [[(String, String)]] = [[]]
        for (name, values) in dimensions {
            sets = sets.flatMap { set in values.map { set + [(name, $0)] } }
        }
        return sets.map { $0.sorted { $0.0 < $1.0 } }
    }
}

enum MetricFamilies {
    // MARK: Vocabulary

    /// Interaction kinds as the label `type` spells them.
    static let interactionTypes = BotMetrics.InteractionType.allCases.map(\.rawValue)
    static let interactionOutcomes = BotMetrics.InteractionOutcome.allCases.map(\.rawValue)
    static let taskKinds = ["approve", "return", "release"]
    static let taskOutcomes = ["succeeded", "failed", "retried"]
    static let passOutcomes = ["succeeded", "failed"]
    static let refreshOutcomes = BotMetrics.RefreshOutcome.allCases.map(\.rawValue)
    static let requestOutcomes = BotMetrics.RequestOutcome.allCases.map(\.rawValue)
    static let statusClasses = ["2xx", "3xx", "4xx", "429", "5xx", "error"]
    static let loanStatuses = ["PENDING", "REJECTED", "ACTIVE", "RETURNED"]

    /// Each Discord route class (first path segment) with the methods the bot sends to it
    /// (`Route` in the Discord module); another pair still counts, created when first seen.
    static let discordRoutes: [(resource: String, methods: [String])] = [
        ("applications", ["GET", "PUT"]),
        ("channels", ["GET", "PATCH", "POST"]),
        ("gateway", ["GET"]),
        ("guilds", ["GET", "PUT"]),
        ("interactions", ["POST"]),
        ("users", ["GET", "POST"]),
        ("webhooks", ["DELETE", "PATCH", "POST"]),
    ]
    static let panelAPIs = ["application", "client"]
    static let panelMethods = ["DELETE", "GET", "PATCH", "POST", "PUT"]

    /// Upper bounds of the first-response histogram; Discord drops an answer after three seconds.
    static let firstResponseBuckets: [Duration] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3].map { .seconds($0) }
    /// Upper bounds of the outbound call histograms: fast answers to slow uploads and timeouts.
    static let requestBuckets: [Duration] = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30].map { .seconds($0) }

    // MARK: Counters

    static let interactions = MetricFamily(
        name: "lendingbot_interactions_total", kind: .counter,
        help: "Interactions handled, by type and outcome (answered, refused, failed).",
        knownLabelSets: MetricFamily.product([("type", interactionTypes), ("outcome", interactionOutcomes)]))
    static let tasks = MetricFamily(
        name: "lendingbot_tasks_total", kind: .counter,
        help: "Durable task attempts by kind and outcome (succeeded, failed, retried).",
        knownLabelSets: MetricFamily.product([("kind", taskKinds), ("outcome", taskOutcomes)]))
    static let schedulerRuns = MetricFamily(
        name: "lendingbot_scheduler_runs_total", kind: .counter,
        help: "Scheduler passes by outcome (succeeded, failed).",
        knownLabelSets: MetricFamily.product([("outcome", passOutcomes)]))
    static let gatewaySessions = MetricFamily(
        name: "lendingbot_gateway_sessions_total", kind: .counter,
        help: "Gateway sessions established, by kind (identified, resumed).",
        knownLabelSets: MetricFamily.product([("kind", ["identified", "resumed"])]))
    static let gatewayReconnects = MetricFamily(
        name: "lendingbot_gateway_reconnects_total", kind: .counter,
        help: "Gateway connections that ended and were followed by a new one, by plan (resume, identify).",
        knownLabelSets: MetricFamily.product([("plan", ["resume", "identify"])]))
    static let discordRequests = MetricFamily(
        name: "lendingbot_discord_requests_total", kind: .counter,
        help: "Discord REST attempts by resource, method and status (2xx, 3xx, 4xx, 429, 5xx, error); repeated attempts count each.",
        knownLabelSets: discordRoutes.flatMap { route in
            MetricFamily.product([("resource", [route.resource]), ("method", route.methods), ("status", statusClasses)])
        })
    static let panelRequests = MetricFamily(
        name: "lendingbot_panel_requests_total", kind: .counter,
        help: "Pterodactyl panel attempts by API, method and status (2xx, 3xx, 4xx, 429, 5xx, error); repeated attempts count each.",
        knownLabelSets: MetricFamily.product([("api", panelAPIs), ("method", panelMethods), ("status", statusClasses)]))
    static let stateRefreshes = MetricFamily(
        name: "lendingbot_state_refreshes_total", kind: .counter,
        help: "Reads of the loan and task gauges from the database at scrape time, by outcome (succeeded, failed, timed_out); the gauges keep their last values when a read does not succeed.",
        knownLabelSets: MetricFamily.product([("outcome", refreshOutcomes)]))
    static let processCPU = MetricFamily(
        name: "process_cpu_seconds_total", kind: .counter,
        help: "User and system CPU time the process has spent, in seconds.", knownLabelSets: [[]])

    // MARK: Gauges

    static let loans = MetricFamily(
        name: "lendingbot_loans", kind: .gauge,
        help: "Lending requests by status (PENDING, REJECTED, ACTIVE, RETURNED), read from the database at scrape time.",
        knownLabelSets: MetricFamily.product([("status", loanStatuses)]))
    static let freeServers = MetricFamily(
        name: "lendingbot_free_servers", kind: .gauge,
        help: "Servers of the pool that no request or open task holds, read from the database at scrape time.", knownLabelSets: [[]])
    static let tasksQueued = MetricFamily(
        name: "lendingbot_tasks_queued", kind: .gauge,
        help: "Durable tasks waiting to run or running, read from the database at scrape time.", knownLabelSets: [[]])
    static let tasksAwaitingRetry = MetricFamily(
        name: "lendingbot_tasks_failed_awaiting_retry", kind: .gauge,
        help: "Durable tasks that failed for good and wait for a moderator's retry, read from the database at scrape time.", knownLabelSets: [[]])
    static let gatewayConnected = MetricFamily(
        name: "lendingbot_gateway_connected", kind: .gauge,
        help: "1 while the gateway session is connected (from READY or RESUMED until the connection ends), else 0.", knownLabelSets: [[]])
    static let heartbeatLatency = MetricFamily(
        name: "lendingbot_gateway_heartbeat_latency_seconds", kind: .gauge,
        help: "Time from the last acknowledged gateway heartbeat to its ACK, in seconds; 0 before the first ACK.", knownLabelSets: [[]])
    static let buildInfo = MetricFamily(
        name: "lendingbot_build_info", kind: .gauge,
        help: "Always 1; its labels name the release (version) and the commit the binary was built from.", knownLabelSets: [])
    static let residentMemory = MetricFamily(
        name: "process_resident_memory_bytes", kind: .gauge, help: "Resident memory size in bytes.", knownLabelSets: [[]])
    static let openFDs = MetricFamily(
        name: "process_open_fds", kind: .gauge, help: "Number of open file descriptors.", knownLabelSets: [[]])
    static let maxFDs = MetricFamily(
        name: "process_max_fds", kind: .gauge, help: "Maximum number of open file descriptors (the soft limit).", knownLabelSets: [[]])
    static let startTime = MetricFamily(
        name: "process_start_time_seconds", kind: .gauge, help: "Start time of the process since the Unix epoch, in seconds.", knownLabelSets: [[]])

    // MARK: Histograms

    static let firstResponse = MetricFamily(
        name: "lendingbot_interaction_first_response_seconds", kind: .histogram(buckets: firstResponseBuckets),
        help: "Time from receiving an interaction to its initial response, by interaction type.",
        knownLabelSets: MetricFamily.product([("type", interactionTypes)]))
    static let discordDuration = MetricFamily(
        name: "lendingbot_discord_request_duration_seconds", kind: .histogram(buckets: requestBuckets),
        help: "Duration of each Discord REST attempt, by resource and outcome (succeeded, rate_limited, failed).",
        knownLabelSets: MetricFamily.product([("resource", discordRoutes.map(\.resource)), ("outcome", requestOutcomes)]))
    static let panelDuration = MetricFamily(
        name: "lendingbot_panel_request_duration_seconds", kind: .histogram(buckets: requestBuckets),
        help: "Duration of each Pterodactyl panel attempt, by API and outcome (succeeded, rate_limited, failed).",
        knownLabelSets: MetricFamily.product([("api", panelAPIs), ("outcome", requestOutcomes)]))

    /// Every family, in the order the README lists them.
    static let all: [MetricFamily] = [
        interactions, firstResponse, tasks, schedulerRuns, gatewaySessions, gatewayReconnects, discordRequests, discordDuration,
        panelRequests, panelDuration, stateRefreshes, loans, freeServers, tasksQueued, tasksAwaitingRetry, gatewayConnected,
        heartbeatLatency, buildInfo, residentMemory, processCPU, openFDs, maxFDs, startTime,
    ]
}
