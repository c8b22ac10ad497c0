/// The JSON body of a 429 from Discord's API (not from Cloudflare, which answers with HTML).
public struct RateLimitBody: Sendable, Hashable, Codable {
    public var message: String
    /// Seconds, with a fractional part.
    public var retryAfter: Double
    /// True when the bot's global limit was hit: every route must wait, not just this one.
    public var isGlobal: Bool
    public var code: Int?

    public init(message: String, retryAfter: Double, isGlobal: Bool, code: Int? = nil) {
        self.message = message
        self.retryAfter = retryAfter
        self.isGlobal = isGlobal
        self.code = code
    }

    /// `retryAfter` as a duration, never negative.
    public var retryAfterDuration: Duration {
        // Microseconds, rounded: 0.529 s must not become 530 ms through binary floating point.
        .microseconds(Int64((max(retryAfter, 0) * 1_000_000).rounded()))
    }

    enum CodingKeys: String, CodingKey {
        case message, code
        case retryAfter = "retry_after"
        case isGlobal = "global"
    }
}
