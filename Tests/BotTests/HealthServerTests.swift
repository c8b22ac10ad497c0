import Foundation
import HTTP
import Lending
import LendingBot
import Logging
import Postgres
import PostgresTesting
import Testing

@Suite("Health and metrics endpoints")
struct HealthServerTests {
    static let logger = Logger(label: "test.health")

    /// Starts a server on a free loopback port with `check`, runs `body` with its base URL, stops it.
    static func withServer(_ check: HealthCheck, metrics: BotMetrics = BotMetrics(), _ body: (String) async throws -> Void) async throws {
        let server = try await HealthServer.start(host: "127.0.0.1", port: 0, check: check, metrics: metrics, logger: logger)
        do {
            try await body("http://127.0.0.1:\(server.port)")
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }

    /// Through the project's own client: URLSession on Linux waits on a dispatch queue from a
    /// cooperative thread, which a busy parallel suite can starve.
    static func get(_ url: String, method: String = "GET") async throws -> (status: Int, body: String, contentType: String?) {
        let http = try HTTPClient(logger: Logger(label: "test.health"))
        defer { http.shutdown() }
        let response = try await http.send(HTTPRequest(method: HTTPMethod(rawValue: method), url: url))
        return (response.status, String(decoding: response.body, as: UTF8.self), response.headers["Content-Type"])
    }

    @Test("all well: /healthz answers 200 ok")
    func healthy() async throws {
        let check = HealthCheck(probes: [HealthCheck.gateway { true }, HealthCheck.taskRunner(staleAfter: .seconds(60)) { .now }])
        try await Self.withServer(check) { base in
            let answer = try await Self.get(base + "/healthz")
            #expect(answer.status == 200)
            #expect(answer.body == "ok\n")
        }
    }

    @Test("a disconnected gateway and a closed pool: 503 naming both reasons")
    func unhealthy() async throws {
        let pool = PostgresPool(try TestDatabase.clusterConfiguration(), maximumConnections: 1, logger: Self.logger)
        // Generous here: under the full parallel suite a first connection can take seconds.
        #expect(await HealthCheck.database(pool, timeout: .seconds(30))() == nil, "an open pool answers SELECT 1")
        await pool.close()
        let check = HealthCheck(probes: [HealthCheck.gateway { false }, HealthCheck.database(pool, timeout: .seconds(2)),
                                         HealthCheck.taskRunner(staleAfter: .seconds(60)) { .now }])
        try await Self.withServer(check) { base in
            let answer = try await Self.get(base + "/healthz")
            #expect(answer.status == 503)
            #expect(answer.body.contains("gateway disconnected"))
            #expect(answer.body.contains("database"))
            #expect(!answer.body.contains("task runner"))
        }
    }

    @Test("a runner that has not beaten for too long is named stalled")
    func stalledRunner() async {
        let probe = HealthCheck.taskRunner(staleAfter: .seconds(5)) { ContinuousClock.now - .seconds(30) }
        #expect(await probe()?.hasPrefix("task runner stalled") == true)
        #expect(await HealthCheck.taskRunner(staleAfter: .seconds(5)) { nil }() == "task runner not started")
    }

    @Test("unknown paths are 404, other methods 405")
    func routing() async throws {
        try await Self.withServer(HealthCheck(probes: [])) { base in
            let root = try await Self.get(base + "/")
            let near = try await Self.get(base + "/health")
            let post = try await Self.get(base + "/healthz", method: "POST")
            #expect(root.status == 404)
            #expect(near.status == 404)
            #expect(post.status == 405)
        }
    }

    @Test("/metrics is Prometheus text: HELP and TYPE for every family, and the counts")
    func metricsText() async throws {
        let metrics = BotMetrics()
        metrics.interactionHandled(.command, outcome: .answered)
        metrics.interactionHandled(.command, outcome: .answered)
        metrics.interactionHandled(.component, outcome: .refused)
        metrics.firstResponse(after: .milliseconds(40))
        metrics.taskFinished(.approve, outcome: .retried)
        metrics.schedulerRan(succeeded: true)
        metrics.gatewaySessionEstablished(resumed: true)
        try await Self.withServer(HealthCheck(probes: []), metrics: metrics) { base in
            let answer = try await Self.get(base + "/metrics")
            #expect(answer.status == 200)
            #expect(answer.contentType?.hasPrefix("text/plain; version=0.0.4") == true)
            let samples = try PrometheusText.parse(answer.body)
            #expect(samples[#"lendingbot_interactions_total{outcome="answered",type="command"}"#] == 2)
            #expect(samples[#"lendingbot_interactions_total{outcome="refused",type="component"}"#] == 1)
            #expect(samples[#"lendingbot_interaction_first_response_seconds_bucket{le="0.025"}"#] == 0)
            #expect(samples[#"lendingbot_interaction_first_response_seconds_bucket{le="0.05"}"#] == 1)
            #expect(samples[#"lendingbot_interaction_first_response_seconds_bucket{le="+Inf"}"#] == 1)
            #expect(samples[#"lendingbot_tasks_total{kind="approve",state="retried"}"#] == 1)
            #expect(samples[#"lendingbot_scheduler_runs_total{result="ok"}"#] == 1)
            #expect(samples[#"lendingbot_gateway_sessions_total{kind="resumed"}"#] == 1)
        }
    }
}

/// A strict reader of the Prometheus text format (0.0.4) for the tests: every sample must belong
/// to a family announced by `# HELP` and `# TYPE` before it; returns each sample's value by its line's series.
enum PrometheusText {
    struct Malformed: Error, CustomStringConvertible {
        let description: String
    }

    static func parse(_ text: String) throws -> [String: Double] {
        var helped: Set<String> = []
        var typed: [String: String] = [:]
        var samples: [String: Double] = [:]
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) where !line.isEmpty {
            let words = line.split(separator: " ", maxSplits: 3).map(String.init)
            if line.hasPrefix("# HELP ") {
                guard words.count >= 3 else { throw Malformed(description: "HELP without text: \(line)") }
                helped.insert(words[2])
            } else if line.hasPrefix("# TYPE ") {
                guard words.count == 4, ["counter", "gauge", "histogram", "summary", "untyped"].contains(words[3]) else {
                    throw Malformed(description: "bad TYPE: \(line)")
                }
                typed[words[2]] = words[3]
            } else if line.hasPrefix("#") {
                continue
            } else {
                guard let space = line.lastIndex(of: " "), let value = Double(line[line.index(after: space)...]) else {
                    throw Malformed(description: "bad sample: \(line)")
                }
                let series = String(line[..<space])
                let name = String(series.prefix { $0 != "{" })
                guard name.range(of: "^[a-zA-Z_:][a-zA-Z0-9_:]*$", options: .regularExpression) != nil else {
                    throw Malformed(description: "bad metric name: \(line)")
                }
                let family = typed[name] != nil ? name : ["_bucket", "_sum", "_count"].compactMap { suffix in
                    name.hasSuffix(suffix) ? String(name.dropLast(suffix.count)) : nil
                }.first { typed[$0] == "histogram" }
                guard let family, helped.contains(family) else { throw Malformed(description: "sample before its HELP and TYPE: \(line)") }
                samples[series] = value
            }
        }
        return samples
    }
}
