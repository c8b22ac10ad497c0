/// The rate-limit facts of one response, parsed from its headers and, for a 429, its JSON body.
///
/// Every field is optional: a header that is missing or malformed (not a number, negative, NaN,
/// absurdly large) is ignored, never fatal. Header names are matched case-insensitively (docs/DISCORD.md#requests).
public struct RateLimitHeaders: Sendable, Equatable {
    /// Where a 429 applies (`X-RateLimit-Scope`, docs/DISCORD.md#429-answers).
    public enum Scope: String, Sendable, Equatable {
        /// The bot's own per-route limit: counts as an invalid request.
        case user
        /// The bot's global limit: pauses every non-interaction route.
        case global
        /// A per-resource limit shared with others: the bucket waits, but it is not our fault and
        /// does not count as an invalid request.
        case shared
    }

    /// `X-RateLimit-Limit`: requests per window in this bucket.
    public var limit: Int?
    /// `X-RateLimit-Remaining`: requests left in the current window.
    public var remaining: Int?
    /// `X-RateLimit-Reset`: the window's end in epoch seconds. Parsed for completeness; the limiter
    /// times with `resetAfter`, which needs no agreement between our clock and Discord's (docs/DISCORD.md#rate-limit-headers).
    public var reset: Double?
    /// `X-RateLimit-Reset-After`: seconds, with decimals, until the window ends.
    public var resetAfter: Duration?
    /// `X-RateLimit-Bucket`: the bucket hash shared by routes with one limit.
    public var bucket: String?
    /// `X-RateLimit-Global`, or `global: true` in a 429 body.
    public var isGlobal: Bool
    public var scope: Scope?
    /// From a 429's body `retry_after` (float seconds) when given, else the `Retry-After` header.
    public var retryAfter: Duration?
    /// Whether the response had a `Via` header. Discord's own 429s carry one; Cloudflare's do not (docs/DISCORD.md#429-answers).
    public var hasVia: Bool
    /// Whether the body parsed as JSON. An HTML 429 page comes from Cloudflare, not from Discord.
    public var isBodyJSON: Bool

    /// Memberwise, for tests and simulators. Defaults describe a response with no rate-limit headers.
    public init(
        limit: Int? = nil, remaining: Int? = nil, reset: Double? = nil, resetAfter: Duration? = nil,
        bucket: String? = nil, isGlobal: Bool = false, scope: Scope? = nil, retryAfter: Duration? = nil,
        hasVia: Bool = true, isBodyJSON: Bool = true
    ) {
        self.limit = limit
        self.remaining = remaining
        self.reset = reset
        self.resetAfter = resetAfter
        self.bucket = bucket
        self.isGlobal = isGlobal
        self.scope = scope
        self.retryAfter = retryAfter
        self.hasVia = hasVia
        self.isBodyJSON = isBodyJSON
    }

    /// Parses the rate-limit headers of a response.
    ///
    /// - Parameters:
    ///   - header: looks a header up by name; it must ignore case (HTTP/2 lowercases names).
    ///   - bodyRetryAfter: `retry_after` from a 429's JSON body, in seconds. Preferred over the
    ///     `Retry-After` header, which Discord rounds up to whole seconds.
    ///   - bodyGlobal: `global` from a 429's JSON body.
    ///   - isBodyJSON: false when a 429's body did not parse as JSON (a Cloudflare page).
    public init(
        header: (String) -> String?,
        bodyRetryAfter: Double? = nil,
        bodyGlobal: Bool? = nil,
        isBodyJSON: Bool = true
    ) {
        func text(_ name: String) -> String? {
            guard let value = header(name)?.trimmingASCIIWhitespace(), !value.isEmpty else { return nil }
            return value
        }
        limit = text("X-RateLimit-Limit").flatMap(Self.count)
        remaining = text("X-RateLimit-Remaining").flatMap(Self.count)
        reset = text("X-RateLimit-Reset").flatMap(Self.decimal)
        resetAfter = text("X-RateLimit-Reset-After").flatMap(Self.decimal).flatMap(Self.seconds)
        bucket = text("X-RateLimit-Bucket")
        scope = text("X-RateLimit-Scope").flatMap { Scope(rawValue: $0.lowercased()) }
        isGlobal = text("X-RateLimit-Global")?.lowercased() == "true" || bodyGlobal == true
        retryAfter = bodyRetryAfter.flatMap(Self.seconds) ?? text("Retry-After").flatMap(Self.decimal).flatMap(Self.seconds)
        hasVia = text("Via") != nil
        self.isBodyJSON = isBodyJSON
    }

    /// Parses headers given as a dictionary, whatever the case of its keys.
    public init(headers: [String: String], bodyRetryAfter: Double? = nil, bodyGlobal: Bool? = nil, isBodyJSON: Bool = true) {
        var lowered: [String: String] = [:]
        for (name, value) in headers { lowered[name.lowercased()] = value }
        self.init(header: { lowered[$0.lowercased()] }, bodyRetryAfter: bodyRetryAfter, bodyGlobal: bodyGlobal, isBodyJSON: isBodyJSON)
    }

    /// True when a 429 with these headers came from Cloudflare rather than from Discord (docs/DISCORD.md#429-answers).
    public var looksLikeCloudflare: Bool { !hasVia || !isBodyJSON }

    /// Whether the response said anything about a per-route bucket.
    var hasBucketInformation: Bool { limit != nil || remaining != nil || resetAfter != nil || bucket != nil }

    /// Longest wait accepted from a header: a day. Anything longer is treated as malformed.
    static let longestWait: Double = 86_400

    private static func seconds(_ value: Double) -> Duration? {
        guard value.isFinite, value >= 0, value <= longestWait else { return nil }
        // Discord gives milliseconds; rounding to the nearest one undoes binary fractions (2.675 s).
        return .milliseconds((value * 1_000).rounded())
    }

    /// Plain decimal seconds as Discord writes them (`1470173023.123`, `0.5`): digits with at most
    /// one point. `Double.init` alone would also take `nan`, `inf`, `1e9` and hex floats.
    private static func decimal(_ text: String) -> Double? {
        var points = 0
        var digits = 0
        for character in text.utf8 {
            switch character {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits += 1
            case UInt8(ascii: "."): points += 1
            default: return nil
            }
        }
        guard digits > 0, digits <= 20, points <= 1 else { return nil }
        return Double(text)
    }

    private static func count(_ text: String) -> Int? {
        guard let value = Int(text), value >= 0 else { return nil }
        return value
    }
}

extension String {
    fileprivate func trimmingASCIIWhitespace() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(scalars)
    }
}
