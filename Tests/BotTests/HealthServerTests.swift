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

    /// Starts a server on a free loopback port with the two checks, runs `body` with its base URL, stops it.
    static func withServer(liveness: HealthCheck = HealthCheck(probes: []), readiness: HealthCheck = HealthCheck(probes: []),
                           metrics: BotMetrics = BotMetrics(), _ body: (String) async throws -> Void) async throws {
        let server = try await HealthServer.start(host: "127.0.0.1", port: 0, liveness: liveness, readiness: readiness, metrics: metrics,
                                                  logger: logger)
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

    static var runnerBeating: HealthCheck { HealthCheck(probes: [HealthCheck.taskRunner(staleAfter: .seconds(60)) { .now }]) }

    @Test("all well: /livez, /readyz and /healthz answer 200 ok")
    func healthy() async throws {
        let readiness = HealthCheck(probes: [HealthCheck.gateway(grace: .seconds(60)) { nil }])
        try await Self.withServer(liveness: Self.runnerBeating, readiness: readiness) { base in
            for path in ["/livez", "/readyz", "/healthz"] {
                let answer = try await Self.get(base + path)
                #expect(answer.status == 200, "\(path)")
                #expect(answer.body == "ok\n", "\(path)")
            }
        }
    }

    @Test("a gateway gone past its grace and a closed pool: /readyz and /healthz 503 naming both, /livez still 200")
    func unready() async throws {
        let pool = PostgresPool(try TestDatabase.clusterConfiguration(), maximumConnections: 1, logger: Self.logger)
        // Generous here: under the full parallel suite a first connection can take seconds.
        #expect(await HealthCheck.database(pool, timeout: .seconds(30))() == nil, "an open pool answers SELECT 1")
        await pool.close()
        let readiness = HealthCheck(probes: [HealthCheck.gateway(grace: .seconds(60)) { .seconds(61) }, HealthCheck.database(pool, timeout: .seconds(30))])
        try await Self.withServer(liveness: Self.runnerBeating, readiness: readiness) { base in
            let ready = try await Self.get(base + "/readyz")
            #expect(ready.status == 503)
            #expect(ready.body.contains("gateway disconnected for 61s"))
            #expect(ready.body.contains("database"))
            let live = try await Self.get(base + "/livez")
            #expect(live.status == 200, "the process works; it waits for the database and Discord")
            let both = try await Self.get(base + "/healthz")
            #expect(both.status == 503)
            #expect(both.body == ready.body)
        }
    }

    @Test("a stalled runner makes /livez 503; /readyz does not ask it")
    func dead() async throws {
        let liveness = HealthCheck(probes: [HealthCheck.taskRunner(staleAfter: .seconds(5)) { ContinuousClock.now - .seconds(30) }])
        try await Self.withServer(liveness: liveness) { base in
            let live = try await Self.get(base + "/livez")
            #expect(live.status == 503)
            #expect(live.body.hasPrefix("task runner stalled"))
            #expect(try await Self.get(base + "/readyz").status == 200)
            #expect(try await Self.get(base + "/healthz").status == 503)
        }
    }

    @Test("the gateway is ready while connected and through a reconnect shorter than its grace")
    func gatewayGrace() async {
        #expect(await HealthCheck.gateway(grace: .seconds(60)) { nil }() == nil)
        #expect(await HealthCheck.gateway(grace: .seconds(60)) { .seconds(59) }() == nil)
        #expect(await HealthCheck.gateway(grace: .seconds(60)) { .seconds(60) }() == "gateway disconnected for 60s")
    }

    @Test("PostgreSQL stopped and started again: /livez stays 200 while /readyz goes 503 and comes back")
    func databaseRestart() async throws {
        try await TestCluster.with { cluster in
            let pool = PostgresPool(try cluster.configuration(), maximumConnections: 1, logger: Self.logger)
            defer { Task { await pool.close() } }
            // No cache: each request asks the database, so the answers follow the server at once.
            let readiness = HealthCheck(probes: [HealthCheck.database(pool, timeout: .seconds(30))], cacheLifetime: .zero)
            try await Self.withServer(liveness: Self.runnerBeating, readiness: readiness) { base in
                #expect(try await Self.get(base + "/readyz").status == 200)
                try await cluster.stop()
                let down = try await Self.get(base + "/readyz")
                #expect(down.status == 503)
                #expect(down.body.contains("database"))
                #expect(try await Self.get(base + "/livez").status == 200)
                try await cluster.startAgain()
                var back = try await Self.get(base + "/readyz")
                for _ in 0..<300 where back.status != 200 {
                    try await Task.sleep(for: .milliseconds(100))
                    back = try await Self.get(base + "/readyz")
                }
                #expect(back.status == 200, "the pool reconnects once the server is back: \(back.body)")
                #expect(try await Self.get(base + "/livez").status == 200)
            }
        }
    }

    @Test("a runner that has not beaten for too long is named stalled")
    func stalledRunner() async {
        let probe = HealthCheck.taskRunner(staleAfter: .seconds(5)) { ContinuousClock.now - .seconds(30) }
        #expect(await probe()?.hasPrefix("task runner stalled") == true)
        #expect(await HealthCheck.taskRunner(staleAfter: .seconds(5)) { nil }() == "task runner not started")
    }

    @Test("a port already taken is refused with the bind's own error, not after a wait for listening")
    func portTaken() async throws {
        try await Self.withServer { base in
            guard let port = URL(string: base)?.port else { throw CancellationError() }
            do {
                let second = try await HealthServer.start(host: "127.0.0.1", port: port, liveness: HealthCheck(probes: []),
                                                          readiness: HealthCheck(probes: []), metrics: BotMetrics(), logger: Self.logger)
                await second.stop()
                Issue.record("a second server listened on a taken port")
            } catch let failure as HealthServer.Failure {
                #expect(failure.description.hasPrefix("HEALTH_LISTEN: cannot listen on 127.0.0.1:\(port)"))
                #expect(!failure.description.contains("timed out"), "\(failure)")
            }
        }
    }

    @Test("unknown paths are 404, other methods 405")
    func routing() async throws {
        try await Self.withServer { base in
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
        metrics.firstResponse(.command, after: .milliseconds(40))
        metrics.taskFinished(.approve, outcome: .retried)
        metrics.schedulerRan(succeeded: true)
        metrics.gatewaySessionEstablished(resumed: true)
        try await Self.withServer(metrics: metrics) { base in
            let answer = try await Self.get(base + "/metrics")
            #expect(answer.status == 200)
            #expect(answer.contentType?.hasPrefix("text/plain; version=0.0.4") == true)
            let samples = try PrometheusText.parse(answer.body)
            #expect(samples[#"lendingbot_interactions_total{outcome="answered",type="command"}"#] == 2)
            #expect(samples[#"lendingbot_interactions_total{outcome="refused",type="component"}"#] == 1)
            #expect(samples[#"lendingbot_interaction_first_response_seconds_bucket{type="command",le="0.025"}"#] == 0)
            #expect(samples[#"lendingbot_interaction_first_response_seconds_bucket{type="command",le="0.05"}"#] == 1)
            #expect(samples[#"lendingbot_interaction_first_response_seconds_bucket{type="command",le="+Inf"}"#] == 1)
            #expect(samples[#"lendingbot_interaction_first_response_seconds_bucket{type="component",le="+Inf"}"#] == 0)
            #expect(samples[#"lendingbot_tasks_total{kind="approve",outcome="retried"}"#] == 1)
            #expect(samples[#"lendingbot_tasks_total{kind="approve",outcome="succeeded"}"#] == 0)
            #expect(samples[#"lendingbot_scheduler_runs_total{outcome="succeeded"}"#] == 1)
            #expect(samples[#"lendingbot_scheduler_runs_total{outcome="failed"}"#] == 0)
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
