// Measures the Discord REST client (HTTP on libcurl multi + rate limiter + JSON) against the REST
// simulator on loopback: requests per second and latency percentiles at 1, 8 and 32 concurrent
// callers. Run it with `scripts/benchmark-rest [requests-per-level]` (release build).
//
// Discord's own limits are lifted on both sides (the simulator's buckets and global limit, the
// client's 50 requests/s), so the table measures the client and transport, not the waits Discord
// would impose. Both ends share this process and the machine's cores.
import Clocks
import Discord
import DiscordSimulator
import Foundation
import HTTP
import Logging
import Secrets
import SimulatorSupport

let requestsPerLevel = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 20_000
let unlimited = RateLimitRule(limit: 1_000_000_000, window: .seconds(1))
let simulator = DiscordRESTSimulator(
    configuration: .init(botToken: "benchmark.token", rateLimits: [.getCurrentUser: unlimited], fallbackRateLimit: unlimited, globalRateLimit: unlimited),
    clock: .adjustable()
)
try await simulator.start()
var logger = Logger(label: "benchmark")
logger.logLevel = .warning
let http = try HTTPClient(configuration: HTTPClientConfiguration(maxConnectionsPerHost: 32), logger: logger)
let limiter = RateLimiter(clock: ContinuousClock(), configuration: RateLimitConfiguration(globalLimit: 1_000_000_000), logger: logger)
let client = DiscordClient(
    configuration: .init(token: Secret("benchmark.token"), baseURL: simulator.baseURL.absoluteString),
    transport: http, limiter: limiter, logger: logger
)

func residentMegabytes() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
          let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "") else { return 0 }
    return kilobytes / 1024
}

/// The same request straight through the HTTP client: the transport's share of each call.
let rawRequest = HTTPRequest(
    url: simulator.baseURL.absoluteString + "/users/@me",
    headers: ["Authorization": "Bot benchmark.token", "User-Agent": "DiscordBot (benchmark, 0)"], label: "GET /users/@me"
)

/// `scripts/benchmark-rest` starts a trivial server in another process and names it here, so the
/// client can also be measured against a server that costs almost nothing.
let cannedServer = ProcessInfo.processInfo.environment["BENCHMARK_CANNED_SERVER_URL"]
let cannedRequest = cannedServer.map {
    HTTPRequest(url: $0 + "/api/v10/users/@me", headers: rawRequest.headers, label: "GET /users/@me")
}
let cannedClient = cannedServer.map {
    DiscordClient(
        configuration: .init(token: Secret("benchmark.token"), baseURL: $0 + "/api/v10"),
        transport: http, limiter: limiter, logger: logger
    )
}

enum Layer: String, CaseIterable {
    case client = "DiscordClient → simulator"
    case transport = "HTTP only → simulator"
    case clientToCanned = "DiscordClient → canned server"
    case cannedServer = "HTTP only → canned server"
}

/// Runs `total` calls with `concurrency` callers; returns per-call latencies in microseconds and the wall time.
func measure(_ layer: Layer, concurrency: Int, total: Int) async throws -> (latencies: [Double], seconds: Double) {
    let start = ContinuousClock.now
    let latencies = try await withThrowingTaskGroup(of: [Double].self) { group in
        for worker in 0..<concurrency {
            group.addTask {
                var own: [Double] = []
                for _ in stride(from: worker, to: total, by: concurrency) {
                    let began = ContinuousClock.now
                    switch layer {
                    case .client: _ = try await client.currentUser()
                    case .transport: _ = try await http.send(rawRequest)
                    case .clientToCanned: _ = try await cannedClient?.currentUser()
                    case .cannedServer: if let cannedRequest { _ = try await http.send(cannedRequest) }
                    }
                    let elapsed = ContinuousClock.now - began
                    own.append(Double(elapsed.components.seconds) * 1e6 + Double(elapsed.components.attoseconds) / 1e12)
                }
                return own
            }
        }
        return try await group.reduce(into: []) { $0 += $1 }
    }
    let wall = ContinuousClock.now - start
    return (latencies.sorted(), Double(wall.components.seconds) + Double(wall.components.attoseconds) / 1e18)
}

func percentile(_ sorted: [Double], _ fraction: Double) -> Double {
    sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int(Double(sorted.count) * fraction))]
}

_ = try await measure(.client, concurrency: 8, total: 2_000) // warm-up: connections, handles, code paths
print("| layer | concurrency | requests | req/s | p50 (ms) | p99 (ms) | max (ms) | RSS (MB) |")
print("|---|---|---|---|---|---|---|---|")
for layer in Layer.allCases where cannedServer != nil || (layer != .cannedServer && layer != .clientToCanned) {
  for concurrency in [1, 8, 32] {
    let (latencies, seconds) = try await measure(layer, concurrency: concurrency, total: requestsPerLevel)
    let row = [
        layer.rawValue, "\(concurrency)", "\(latencies.count)", String(format: "%.0f", Double(latencies.count) / seconds),
        String(format: "%.3f", percentile(latencies, 0.5) / 1000), String(format: "%.3f", percentile(latencies, 0.99) / 1000),
        String(format: "%.3f", (latencies.last ?? 0) / 1000), String(format: "%.1f", residentMegabytes()),
    ]
    print("| " + row.joined(separator: " | ") + " |")
  }
}
http.shutdown()
await simulator.stop()
