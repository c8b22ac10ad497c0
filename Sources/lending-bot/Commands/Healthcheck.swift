import ArgumentParser
import CommandLineSupport
import Foundation
import Glibc
import HTTP
import LendingBot
import Logging

/// `lending-bot healthcheck`: the container probe (deploy/compose.yaml). It asks the running bot's
/// health server, in its own short-lived process, so a probe never touches the bot's database or
/// Discord session itself.
struct Healthcheck: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "GET /livez (or /readyz with --ready) on HEALTH_LISTEN, for container probes: exit 0 on 200, 1 otherwise, 78 if HEALTH_LISTEN is not set."
    )

    /// Liveness by default: a container whose probe fails may be restarted, and only a stalled
    /// process is mended by that; a database outage or a gateway resume is asked with --ready.
    static let livenessPath = "/livez"
    static let readinessPath = "/readyz"

    @Flag(help: "Ask /readyz (database and gateway) instead of /livez.")
    var ready = false

    /// The bot's own database probe gives up after 2 s; the default 5 s leaves room for it and
    /// still answers well within the compose healthcheck's timeout. A probe runner with a longer
    /// budget of its own may give more.
    @Option(help: "Seconds to wait for the answer (1 to 300).")
    var timeout: Int = 5

    var path: String { ready ? Self.readinessPath : Self.livenessPath }

    func validate() throws {
        guard (1...300).contains(timeout) else { throw ValidationError("--timeout: expected whole seconds from 1 to 300") }
    }
    /// The most of a refusal's body (its reasons) kept on the one line printed.
    static let reasonLimit = 300

    func run() async throws {
        try await reportingOperatorErrors {
            let (configuration, problems) = BotConfiguration.reading(environment: try ProcessEnvironment.load(), purpose: .database)
            let relevant = (problems.invalid + problems.missing).filter { $0.hasPrefix("HEALTH_LISTEN") }
            guard relevant.isEmpty else { throw OperatorError(lines: relevant, configuration: true) }
            guard let listen = configuration.healthListen else {
                throw OperatorError("HEALTH_LISTEN: not set, so the bot serves nothing to probe; set it as for run, e.g. 127.0.0.1:9090", configuration: true)
            }
            // One line is the output; the HTTP client's logs would only add to it.
            LogSetup.bootstrap(level: .critical, format: .text)
            // The probe goes to this machine's loopback: a proxy from the environment (there for the
            // panel or Discord) must not carry it elsewhere.
            setenv("no_proxy", "*", 1)
            setenv("NO_PROXY", "*", 1)
            let url = HealthServer.localURL(host: listen.host, port: listen.port, path: path)
            let client: HTTPClient
            do {
                client = try HTTPClient(logger: Logger(label: "lending-bot.healthcheck"))
            } catch {
                throw OperatorError("unhealthy: cannot start the HTTP client: \(error)")
            }
            defer { client.shutdown() }
            let response: HTTPResponse
            do {
                response = try await client.send(HTTPRequest(method: .get, url: url, label: "GET \(path)",
                                                             connectTimeout: .seconds(min(timeout, 2)), timeout: .seconds(timeout)))
            } catch {
                throw OperatorError("unhealthy: no answer from \(url): \(error)")
            }
            guard response.status == 200 else {
                let reasons = String(decoding: response.body, as: UTF8.self)
                    .split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                    .joined(separator: "; ")
                let shown = reasons.count > Self.reasonLimit ? reasons.prefix(Self.reasonLimit) + "…" : Substring(reasons)
                throw OperatorError("unhealthy: \(url) answered \(response.status)\(shown.isEmpty ? "" : ": \(shown)")")
            }
            print("healthy: \(url) answered 200")
        }
    }
}
