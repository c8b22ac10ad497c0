import FlyingFox
import FlyingSocks
import Foundation
public import Logging

/// The health endpoints and `/metrics` over HTTP on `HEALTH_LISTEN`, for probes and Prometheus.
///
/// Two questions, asked by different probes: `/livez` (is the process working: its task runner
/// beats) is what a supervisor restarts on; `/readyz` (can it serve now: the database answers, the
/// gateway is connected or resuming within its grace) is what an orchestrator routes or alerts on.
/// A database outage or a gateway resume makes the bot unready, never dead, so a liveness probe
/// does not restart a process that will recover by itself. `/healthz` asks both, for whoever
/// wants one answer. Each answers 200 `ok`, or 503 with one reason per line. `GET /metrics`
/// answers the series of `BotMetrics` as Prometheus text, its gauges read at that moment (the
/// data's within a time limit, keeping the last values when the database is slow). Other paths
/// are 404, other methods 405.
public struct HealthServer: Sendable {
    /// Why the server could not start: one line an operator can act on.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public let description: String
    }

    private let running: RunningHTTPServer
    /// The port listened on (useful when the configured port was 0).
    public var port: UInt16 { running.port }

    /// Binds to `host` (an IPv4 or IPv6 address, `localhost`, or empty for the IPv4 loopback:
    /// the endpoints are unauthenticated, so every interface must be asked for by `0.0.0.0`)
    /// and `port` (0: one the system picks), and returns once connections are accepted.
    public static func start(host: String, port: Int, liveness: HealthCheck, readiness: HealthCheck, metrics: BotMetrics,
                             logger: Logger) async throws -> HealthServer {
        let listen = "\(host):\(port)"
        let address = try socketAddress(host: host, port: port)
        let running: RunningHTTPServer
        let handler = HealthHandler(liveness: liveness, readiness: readiness, metrics: metrics)
        do {
            running = try await RunningHTTPServer.start(address: address, timeout: 10, handler: handler)
        } catch {
            throw Failure(description: "HEALTH_LISTEN: cannot listen on \(listen): \(error)")
        }
        logger.info("health and metrics listening", metadata: ["health.listen": "\(listen)", "health.port": "\(running.port)"])
        return HealthServer(running: running)
    }

    /// Stops listening and closes open connections.
    public func stop() async {
        await running.stop()
    }

    /// The address `host` binds: brackets dropped, `localhost` and the empty host the IPv4 loopback.
    static func bindHost(_ host: String) -> String {
        var host = host
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        if host == "localhost" || host.isEmpty { host = "127.0.0.1" }
        return host
    }

    /// The URL of `path` on a server started with `host` and `port`, as seen from the same machine
    /// (`lending-bot healthcheck` in the bot's container): the address it binds, with every
    /// interface (`0.0.0.0`, `::`) reached through the loopback.
    public static func localURL(host: String, port: Int, path: String) -> String {
        var host = bindHost(host)
        if host == "0.0.0.0" { host = "127.0.0.1" }
        if host == "::" { host = "::1" }
        if host.contains(":") { host = "[\(host)]" }
        return "http://\(host):\(port)\(path)"
    }

    static func socketAddress(host: String, port: Int) throws -> any SocketAddress {
        guard let port = UInt16(exactly: port) else { throw Failure(description: "HEALTH_LISTEN: \(port) is not a port") }
        let host = bindHost(host)
        do {
            return host.contains(":") ? try sockaddr_in6.inet6(ip6: host, port: port) : try sockaddr_in.inet(ip4: host, port: port)
        } catch {
            throw Failure(description: "HEALTH_LISTEN: \(host) is not an IP address")
        }
    }
}

struct HealthHandler: HTTPHandler {
    /// The paths served; `lending-bot healthcheck` and the deploy files name the first two.
    static let livenessPath = "/livez"
    static let readinessPath = "/readyz"
    static let combinedPath = "/healthz"
    static let metricsPath = "/metrics"

    let liveness: HealthCheck
    let readiness: HealthCheck
    let metrics: BotMetrics

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        let known = [Self.livenessPath, Self.readinessPath, Self.combinedPath, Self.metricsPath]
        guard known.contains(request.path) else { return text(.notFound, "not found\n") }
        guard request.method == .GET || request.method == .HEAD else {
            return HTTPResponse(statusCode: .methodNotAllowed, headers: [HTTPHeader("Allow"): "GET, HEAD"], body: Data("method not allowed\n".utf8))
        }
        let problems: [String]
        switch request.path {
        case Self.metricsPath:
            return HTTPResponse(statusCode: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"], body: Data(await metrics.scrape().utf8))
        case Self.livenessPath:
            problems = await liveness.problems()
        case Self.readinessPath:
            problems = await readiness.problems()
        default:
            async let live = liveness.problems()
            async let ready = readiness.problems()
            problems = await live + ready
        }
        return problems.isEmpty ? text(.ok, "ok\n") : text(.serviceUnavailable, problems.joined(separator: "\n") + "\n")
    }

    private func text(_ status: HTTPStatusCode, _ body: String) -> HTTPResponse {
        HTTPResponse(statusCode: status, headers: [.contentType: "text/plain; charset=utf-8"], body: Data(body.utf8))
    }
}
