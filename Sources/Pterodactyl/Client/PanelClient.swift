import Backoff
import Clocks
import Foundation
public import HTTP
public import Logging
import Secrets

/// The Pterodactyl panel's application and client APIs as the bot uses them.
///
/// Each route belongs to one API and gets that API's key only: the application key never goes to
/// `/api/client`, the client key never to `/api/application`. Every request sends
/// `Accept: application/json`, without which the panel answers errors with HTML or a redirect (docs/PANEL-API.md §1.1).
///
/// Retries (docs/PANEL-API.md §1.5, §4):
/// - 429 waits for `Retry-After` (bounded by `maxRateLimitWait`) and is repeated whatever the
///   method, since the panel throttles before acting;
/// - 409 `ServerStateConflictException` (installing, restoring) is repeated every
///   `stateConflictPollInterval` for up to `stateConflictWait`, for the same reason;
/// - 5xx, timeouts and resets are retried with backoff only for idempotent routes; a request that
///   surely never left (DNS, connect) is retried whatever its method.
public struct PanelClient: Sendable {
    public let configuration: PanelConfiguration
    let transport: any HTTPTransport
    let logger: Logger

    public init(configuration: PanelConfiguration, transport: any HTTPTransport, logger: Logger) throws(PanelError) {
        try configuration.validate()
        self.configuration = configuration
        self.transport = transport
        self.logger = logger
    }

    /// Sends one call and returns its 2xx response, or throws the panel's error decoded.
    func send(_ route: PanelRoute, query: [(String, String)] = [], body: Data? = nil) async throws(PanelError) -> HTTPResponse {
        let name = route.name
        let clock = configuration.clock
        let started = clock.elapsed
        var failures = 1
        var rateLimitWaits = 0
        while true {
            let response: HTTPResponse
            let sent = clock.elapsed
            do {
                response = try await transport.send(makeRequest(route, query: query, body: body))
            } catch let error as HTTPError {
                observe(route, status: nil, duration: clock.elapsed - sent)
                let neverSent = error.kind == .dns || error.kind == .connect
                guard (route.isIdempotent || neverSent) && failures < configuration.maxAttempts else {
                    throw PanelError(.transport("\(error.kind)"), operation: name)
                }
                try await backOff(after: failures, name: name, reason: "\(error.kind)")
                failures += 1
                continue
            } catch {
                throw PanelError(.transport("cancelled"), operation: name)
            }
            logger.debug("panel request", metadata: ["http.route": "\(name)", "http.status": "\(response.status)"])
            observe(route, status: response.status, duration: clock.elapsed - sent)
            if response.isSuccess { return response }
            let errors = (try? JSONDecoder().decode(PanelErrorBody.self, from: response.body))?.errors ?? []
            switch response.status {
            case 429:
                let retryAfter = Self.retryAfter(response)
                guard retryAfter <= configuration.maxRateLimitWait, rateLimitWaits < configuration.maxAttempts else {
                    throw PanelError(.rateLimited(retryAfter: retryAfter), operation: name, errors: errors)
                }
                logger.info("rate limited, waiting", metadata: ["http.route": "\(name)", "http.retry_after": "\(retryAfter)"])
                rateLimitWaits += 1
                try await pause(retryAfter, name: name)
            case 409 where errors.first?.code == "ServerStateConflictException":
                let waited = clock.elapsed - started
                guard waited + configuration.stateConflictPollInterval <= configuration.stateConflictWait else {
                    throw PanelError(.serverStateConflict, operation: name, errors: errors)
                }
                logger.info("server busy, waiting", metadata: ["http.route": "\(name)", "panel.waited": "\(waited)"])
                try await pause(configuration.stateConflictPollInterval, name: name)
            case 500..<600 where route.isIdempotent && failures < configuration.maxAttempts:
                try await backOff(after: failures, name: name, reason: "status \(response.status)")
                failures += 1
            default:
                throw Self.error(status: response.status, errors: errors, operation: name)
            }
        }
    }

    private func observe(_ route: PanelRoute, status: Int?, duration: Duration) {
        configuration.observer?.panelRequestFinished(api: route.api == .application ? "application" : "client", method: route.method.rawValue, status: status,
                                                     duration: duration)
    }

    static func error(status: Int, errors: [PanelErrorEntry], operation: String) -> PanelError {
        let kind: PanelError.Kind = switch status {
        case 401: .unauthorized
        case 403: .forbidden
        case 404: .notFound
        case 409: .serverStateConflict
        case 422: .validation
        case 429: .rateLimited(retryAfter: .zero)
        case 500..<600: .server(status: status)
        default: .rejected(status: status, code: errors.first?.code ?? "HTTP\(status)")
        }
        return PanelError(kind, operation: operation, errors: errors)
    }

    private func makeRequest(_ route: PanelRoute, query: [(String, String)], body: Data?) -> HTTPRequest {
        var headers = configuration.extraHeaders
        let key = route.api == .application ? configuration.applicationKey : configuration.clientKey
        headers.replaceOrAdd(name: "Authorization", value: "Bearer \(key.revealed())")
        headers.replaceOrAdd(name: "Accept", value: "application/json")
        if body != nil { headers.replaceOrAdd(name: "Content-Type", value: "application/json") }
        return HTTPRequest(
            method: route.method, url: configuration.baseURL + "/api/" + route.path + PercentEncoding.query(query),
            headers: headers, body: body, label: route.name, timeout: configuration.requestTimeout
        )
    }

    /// `Retry-After` in seconds; one second when absent or unreadable, and at most
    /// `longestRetryAfter`. The header comes from the network: `inf`, `nan` or `1e300` would trap
    /// in the conversion to a duration, so only plain digits with one optional point are read,
    /// and a huge wait is cut to a day, which `maxRateLimitWait` then refuses as too long.
    static func retryAfter(_ response: HTTPResponse) -> Duration {
        guard let text = response.headers["Retry-After"]?.trimmingCharacters(in: .whitespaces), !text.isEmpty, text.utf8.count <= 20,
              text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }), text.filter({ $0 == "." }).count <= 1,
              let seconds = Double(text), seconds.isFinite else {
            return .seconds(1)
        }
        return .milliseconds(Int64(min(seconds, longestRetryAfter) * 1000))
    }

    /// The longest `Retry-After` the client reads as given, in seconds: a day.
    static let longestRetryAfter: Double = 86_400

    func backOff(after attempt: Int, name: String, reason: String) async throws(PanelError) {
        // Six doublings at most: 32 s before jitter at the default base.
        let delay = ExponentialBackoff(base: configuration.retryBaseDelay, cap: configuration.retryBaseDelay * 64, jitter: 1.0...1.5)
            .delay(afterAttempt: attempt)
        logger.info("panel request failed, retrying", metadata: ["http.route": "\(name)", "http.reason": "\(reason)", "http.attempt": "\(attempt)"])
        try await pause(delay, name: name)
    }

    func pause(_ duration: Duration, name: String) async throws(PanelError) {
        do {
            try await configuration.clock.sleep(for: duration)
        } catch {
            throw PanelError(.transport("cancelled"), operation: name)
        }
    }
}
