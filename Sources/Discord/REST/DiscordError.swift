/// What went wrong with a Discord REST call. `description` names the route template and Discord's
/// code and field errors; it never holds a token, a path or a request body.
public struct DiscordError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// The payload broke one of Discord's documented limits; nothing was sent.
        case invalidPayload(ValidationError)
        /// Discord answered 4xx; `body` holds its code and the fields it rejected.
        case rejected(status: Int)
        /// The wait for a rate limit would pass the caller's deadline.
        case rateLimited(retryAfter: Duration)
        /// The bot token was refused (401): the bot must stop, nothing more is sent.
        case unauthorized
        /// Requests are paused: too many invalid requests, or a Cloudflare block.
        case paused(retryAfter: Duration)
        /// Discord failed (5xx) and the call could not safely be repeated, or retries ran out.
        case server(status: Int)
        /// The request did not complete (DNS, connect, TLS, timeout, reset).
        case transport(String)
        /// A 2xx answer whose body is not what the route returns.
        case invalidResponse
    }

    public let kind: Kind
    /// The route template, e.g. `POST /channels/{channel_id}/messages`.
    public let route: String
    public let body: ErrorBody?
    /// Discord's JSON error code, when it sent one.
    ///
    /// Stored rather than computed from `body`: with a computed `body?.code`, callers that test it
    /// in a `catch where` or a nested `switch` crash the Swift 6.3.1 optimizer (CopyPropagation) in
    /// release builds.
    public let code: ErrorBody.Code?

    public init(_ kind: Kind, route: String, body: ErrorBody? = nil) {
        self.kind = kind
        self.route = route
        self.body = body
        self.code = body?.code
    }

    public var description: String {
        let detail: String = switch kind {
        case .invalidPayload(let error): "not sent, \(error)"
        case .rejected(let status): "rejected with \(status)\(body.map { ": \($0)" } ?? "")"
        case .rateLimited(let after): "rate limited; retry after \(after)"
        case .unauthorized: "the bot token was refused (401)"
        case .paused(let after): "requests are paused for \(after)"
        case .server(let status): "Discord failed with \(status)"
        case .transport(let reason): "the request did not complete: \(reason)"
        case .invalidResponse: "the response body could not be read"
        }
        return "Discord \(route): \(detail)"
    }
}
