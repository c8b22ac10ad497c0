import Backoff
import Foundation
public import HTTP
public import Logging
public import Secrets

/// Discord's REST API as the bot uses it: JSON in and out, `Authorization: Bot …`, rate limits
/// obeyed before sending (`RateLimiter`), Discord's error bodies decoded into `DiscordError`.
///
/// Retries: a call Discord answered with 429 waits as the limiter says, within the caller's
/// `maxWait`; 5xx, timeouts and resets are retried with backoff only for idempotent methods, since a
/// repeated POST could send a message twice; a request that surely never left (DNS, connect) is
/// retried whatever its method.
public struct DiscordClient: Sendable {
    public struct Configuration: Sendable {
        public var token: Secret
        /// `DISCORD_API_URL`, e.g. `https://discord.com/api/v10`.
        public var baseURL: String
        /// Discord requires `DiscordBot ($url, $version)`; Cloudflare may block anything else.
        public var userAgent = "DiscordBot (lending-bot, 0.1.0)"
        public var requestTimeout: Duration = .seconds(30)
        /// Attempts in all for one call, counting the first.
        public var maxAttempts = 4
        /// Backoff after a failed attempt: `retryBaseDelay × 2^(attempt − 1)`, with jitter.
        public var retryBaseDelay: Duration = .milliseconds(250)
        /// Counts each attempt's outcome (metrics); nil counts nothing.
        public var observer: (any DiscordRequestObserver)?

        public init(token: Secret, baseURL: String) {
            self.token = token
            self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        }
    }

    public let configuration: Configuration
    private let transport: any HTTPTransport
    private let limiter: RateLimiter<ContinuousClock>
    private let logger: Logger

    public init(configuration: Configuration, transport: any HTTPTransport, limiter: RateLimiter<ContinuousClock>, logger: Logger) {
        self.configuration = configuration
        self.transport = transport
        self.limiter = limiter
        self.logger = logger
    }

    /// Sends `body` (already validated and encoded) to `route` and returns the 2xx response.
    /// `maxWait` bounds any rate-limit wait, e.g. the rest of an interaction's 3 seconds.
    func send(_ route: Route, body: Data? = nil, auditLogReason: String? = nil, maxWait: Duration? = nil) async throws(DiscordError) -> HTTPResponse {
        let name = "\(route.method) \(route.template)"
        var attempt = 1
        while true {
            let permit: RateLimitPermit
            do {
                permit = try await limiter.acquire(route.rateLimitRoute, maxWait: maxWait)
            } catch {
                throw DiscordError(error.discordKind, route: name)
            }
            let response: HTTPResponse
            let sent = ContinuousClock.now
            do {
                response = try await transport.send(makeRequest(route, body: body, auditLogReason: auditLogReason, name: name))
            } catch {
                await limiter.cancel(permit)
                configuration.observer?.discordRequestFinished(method: route.method, resource: route.resource, status: nil,
                                                             duration: ContinuousClock.now - sent)
                let reason = (error as? HTTPError).map { "\($0.kind)" } ?? "\(error)"
                let neverSent = (error as? HTTPError).map { $0.kind == .dns || $0.kind == .connect } ?? false
                guard (route.isIdempotent || neverSent) && attempt < configuration.maxAttempts, !(error is CancellationError) else {
                    throw DiscordError(.transport(reason), route: name)
                }
                try await backOff(after: attempt, name: name, reason: reason)
                attempt += 1
                continue
            }
            await limiter.complete(permit, status: response.status, headers: Self.rateLimitHeaders(of: response))
            configuration.observer?.discordRequestFinished(method: route.method, resource: route.resource, status: response.status,
                                                         duration: ContinuousClock.now - sent)
            switch response.status {
            case 200..<300:
                return response
            case 429 where attempt < configuration.maxAttempts:
                logger.info("rate limited, waiting", metadata: ["http.route": "\(name)"])
                attempt += 1
            case 401 where !route.isInteraction:
                throw DiscordError(.unauthorized, route: name, body: Self.errorBody(of: response))
            case 500..<600 where route.isIdempotent && attempt < configuration.maxAttempts:
                try await backOff(after: attempt, name: name, reason: "status \(response.status)")
                attempt += 1
            case 500..<600:
                throw DiscordError(.server(status: response.status), route: name, body: Self.errorBody(of: response))
            default:
                throw DiscordError(.rejected(status: response.status), route: name, body: Self.errorBody(of: response))
            }
        }
    }

    private func makeRequest(_ route: Route, body: Data?, auditLogReason: String?, name: String) -> HTTPRequest {
        var headers: HTTPHeaders = ["User-Agent": configuration.userAgent]
        if !route.isInteraction {
            headers.add(name: "Authorization", value: "Bot \(configuration.token.revealed())")
        }
        if body != nil {
            headers.add(name: "Content-Type", value: "application/json")
        }
        if let reason = auditLogReason.flatMap(AuditLogReason.headerValue) {
            headers.add(name: "X-Audit-Log-Reason", value: reason)
        }
        return HTTPRequest(
            method: HTTPMethod(rawValue: route.method), url: configuration.baseURL + route.path, headers: headers,
            body: body, label: name, timeout: configuration.requestTimeout
        )
    }

    private func backOff(after attempt: Int, name: String, reason: String) async throws(DiscordError) {
        // Six doublings at most: 16 s before jitter at the default base.
        let delay = ExponentialBackoff(base: configuration.retryBaseDelay, cap: configuration.retryBaseDelay * 64, jitter: 1.0...1.5)
            .delay(afterAttempt: attempt)
        logger.info("request failed, retrying", metadata: ["http.route": "\(name)", "http.reason": "\(reason)", "http.attempt": "\(attempt)"])
        do {
            try await Task.sleep(for: delay)
        } catch {
            throw DiscordError(.transport("cancelled"), route: name)
        }
    }

    static func rateLimitHeaders(of response: HTTPResponse) -> RateLimitHeaders {
        let body = response.status == 429 ? try? JSONDecoder().decode(RateLimitBody.self, from: response.body) : nil
        let isJSON = response.headers["Content-Type"]?.lowercased().hasPrefix("application/json") ?? false
        return RateLimitHeaders(header: { response.headers[$0] }, bodyRetryAfter: body?.retryAfter, bodyGlobal: body?.isGlobal, isBodyJSON: isJSON)
    }

    static func errorBody(of response: HTTPResponse) -> ErrorBody? {
        try? JSONDecoder().decode(ErrorBody.self, from: response.body)
    }
}

extension RateLimitError {
    fileprivate var discordKind: DiscordError.Kind {
        switch kind {
        case .rateLimited(let after): .rateLimited(retryAfter: after)
        case .unauthorized: .unauthorized
        case .tooManyInvalidRequests(let after), .cloudflareBlocked(let after): .paused(retryAfter: after)
        case .cancelled: .transport("cancelled")
        }
    }
}
