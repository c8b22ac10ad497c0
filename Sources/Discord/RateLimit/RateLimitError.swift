/// Why the rate limiter refused to hand out a permit. Callers branch on `kind`.
///
/// The description names no route path and no token, so it is safe in any log or reply.
public struct RateLimitError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// The wait needed exceeds the caller's `maxWait`; try again after `retryAfter`, or give up.
        case rateLimited(retryAfter: Duration)
        /// Discord answered 401: the token is invalid, and every later request is refused (docs/DISCORD.md#invalid-requests).
        case unauthorized
        /// Too many 401/403/429 responses inside the sliding window; requests resume after `retryAfter`.
        /// The ceiling sits far below Discord's 10,000 per 10 minutes, so we stop long before an IP ban.
        case tooManyInvalidRequests(retryAfter: Duration)
        /// A Cloudflare 429 (no `Via` header or a non-JSON body): all traffic stops for `retryAfter` (docs/DISCORD.md#429-answers).
        case cloudflareBlocked(retryAfter: Duration)
        /// The waiting task was cancelled.
        case cancelled
    }

    public let kind: Kind

    public init(_ kind: Kind) {
        self.kind = kind
    }

    public static func rateLimited(retryAfter: Duration) -> Self { Self(.rateLimited(retryAfter: retryAfter)) }
    public static let unauthorized = Self(.unauthorized)
    public static func tooManyInvalidRequests(retryAfter: Duration) -> Self { Self(.tooManyInvalidRequests(retryAfter: retryAfter)) }
    public static func cloudflareBlocked(retryAfter: Duration) -> Self { Self(.cloudflareBlocked(retryAfter: retryAfter)) }
    public static let cancelled = Self(.cancelled)

    public var description: String {
        switch kind {
        case .rateLimited(let after): "rate limit: the required wait exceeds the allowed wait; retry after \(after)"
        case .unauthorized: "rate limit: the bot token was rejected (401); no further requests are sent"
        case .tooManyInvalidRequests(let after): "rate limit: too many invalid requests (401/403/429); paused for \(after)"
        case .cloudflareBlocked(let after): "rate limit: blocked by Cloudflare; all requests paused for \(after)"
        case .cancelled: "rate limit: the wait for a permit was cancelled"
        }
    }
}
