import BotTesting
import DiscordSimulator
import Foundation
import HTTP
import LendingBot
import Logging
import PanelSimulator
import Postgres
import Secrets
import ServiceLifecycle
import SimulatorSupport
import Synchronization
import Testing
import TestSupport

/// The whole bot as `lending-bot run` starts it (`BotApplication`), with `HEALTH_LISTEN` on a
/// port the system picks, against the Discord and panel simulators and a migrated database of
/// its own; for the tests that scrape `/metrics` from outside, as Prometheus would.
struct RunningBot: Sendable {
    /// `http://127.0.0.1:PORT` of the health and metrics server.
    let healthURL: String
    /// A connection to the bot's database, for a test to change the data behind the gauges.
    let pool: PostgresPool
    let gateway: DiscordGatewaySimulator
    let rest: DiscordRESTSimulator

    static let version = "9.8.7"
    static let commit = "abc1234"

    static func with(_ body: (RunningBot) async throws -> Void) async throws {
        var logger = Logger(label: "test.metrics")
        logger.logLevel = .error
        try await BotApplicationTests.withSimulators { rest, gateway, panel, url in
            var configuration = BotApplicationTests.configuration(rest: rest, gateway: gateway, panel: panel, databaseURL: url)
            configuration.healthListen = BotConfiguration.HostAndPort(host: "127.0.0.1", port: 0)
            let port = Mutex<UInt16?>(nil)
            var options = BotApplication.Options()
            options.shutdownGrace = .seconds(2)
            options.version = version
            options.commit = commit
            options.healthListening = { listening in port.withLock { $0 = listening } }
            // Generous: under a full parallel run a first connection can take seconds.
            options.databaseCheckTimeout = .seconds(30)
            let application = BotApplication(configuration: configuration, options: options, logger: logger)
            let pool = PostgresPool(try ConnectionConfiguration(url), maximumConnections: 1, logger: logger)
            let group = ServiceGroup(configuration: ServiceGroupConfiguration(
                services: [.init(service: application, successTerminationBehavior: .gracefullyShutdownGroup)], logger: logger))
            async let running: Void = group.run()
            do {
                try await eventually("the bot is online with its health server") {
                    gateway.identifies.count == 1 && port.withLock { $0 } != nil
                }
                let listening = try #require(port.withLock { $0 })
                try await body(RunningBot(healthURL: "http://127.0.0.1:\(listening)", pool: pool, gateway: gateway, rest: rest))
            } catch {
                await group.triggerGracefulShutdown()
                try? await running
                await pool.close()
                throw error
            }
            await group.triggerGracefulShutdown()
            try await running
            await pool.close()
        }
    }

    /// `GET /metrics`, read by prometheus-client's parser.
    func scrape() async throws -> ScrapedMetrics {
        let http = try HTTPClient(logger: Logger(label: "test.metrics"))
        defer { http.shutdown() }
        let response = try await http.send(HTTPRequest(method: HTTPMethod(rawValue: "GET"), url: healthURL + "/metrics"))
        #expect(response.status == 200)
        #expect(response.headers["Content-Type"]?.hasPrefix("text/plain; version=0.0.4") == true)
        return try await ScrapedMetrics.parse(response.body)
    }
}

/// What `scripts/support/read-metrics.py` (prometheus-client's exposition parser) found in a
/// `/metrics` answer: each family's type and help, and every sample with its labels.
struct ScrapedMetrics: Sendable {
    struct Family: Decodable, Sendable {
        let type: String
        let help: String
    }

    struct Sample: Decodable, Sendable {
        let name: String
        let labels: [String: String]
        let value: Double
    }

    struct Unreadable: Error, CustomStringConvertible {
        let description: String
    }

    let families: [String: Family]
    let samples: [Sample]

    private struct Document: Decodable {
        let families: [String: Family]
        let samples: [Sample]
    }

    static func parse(_ text: Data) async throws -> ScrapedMetrics {
        let python = ProcessInfo.processInfo.environment["PYTHON_TOOLS"].map { "\($0)/bin/python" } ?? "python3"
        let outcome = try await Subprocess.run(python, [PackageRoot.path("scripts/support/read-metrics.py")], input: text)
        guard outcome.status == 0 else {
            throw Unreadable(description: "read-metrics.py exited \(outcome.status): \(outcome.standardError)")
        }
        let document = try JSONDecoder().decode(Document.self, from: Data(outcome.standardOutput.utf8))
        return ScrapedMetrics(families: document.families, samples: document.samples)
    }

    /// The value of the sample `name` with exactly `labels`; nil when there is none.
    func value(_ name: String, _ labels: [String: String] = [:]) -> Double? {
        samples.first { $0.name == name && $0.labels == labels }?.value
    }

    /// The samples named `name`, whatever their labels.
    func samples(named name: String) -> [Sample] {
        samples.filter { $0.name == name }
    }
}
