public import Secrets

/// What the rate limiter needs to know about one REST request: which bucket it falls in.
///
/// Discord keys a bucket by the `X-RateLimit-Bucket` hash plus the route's top-level resource, its
/// "major parameter" (docs/DISCORD.md#buckets). Until the first response for a route has
/// told us its hash, the limiter keys by method, template and major parameter instead.
///
/// The template, never the filled-in path, is what the limiter logs: interaction and webhook
/// tokens travel in the path.
public struct RateLimitRoute: Sendable, Hashable, CustomStringConvertible {
    /// The HTTP method, upper case: `GET`, `POST`, `PUT`, `PATCH`, `DELETE`.
    public let method: String
    /// The path template relative to the API base, e.g. `channels/{channel_id}/messages`.
    public let template: String
    /// The top-level resource the limit applies to.
    public let major: MajorParameter
    /// Interaction callbacks and follow-ups are exempt from the global 50/s limit (docs/DISCORD.md#global-limit).
    public let isInteraction: Bool
    /// Whether the request carries the bot token. Routes authenticated by a token in the path
    /// (interactions, webhooks with a token) answer 401 when that token has expired (50027), which
    /// says nothing about the bot token; only a 401 here stops the limiter (as twilight does).
    public var usesBotToken: Bool { major.usesBotToken }

    /// - Parameter isInteraction: exempts the route from the global limit and the global pause.
    ///   A route whose major parameter is `.interaction` is always an interaction route.
    public init(method: String, template: String, major: MajorParameter = .none, isInteraction: Bool = false) {
        self.method = method.uppercased()
        self.template = template
        self.major = major
        self.isInteraction = isInteraction || major.isInteraction
    }

    /// `POST channels/{channel_id}/messages`: safe to log.
    public var description: String { "\(method) \(template)" }
}

/// The top-level resource of a route (docs/DISCORD.md#buckets). Tokens are held as `Secret`s so that a route or a bucket
/// key printed by mistake shows a marker, not the token.
public enum MajorParameter: Sendable, Hashable, CustomStringConvertible {
    /// Routes with no top-level resource (`users/@me`, `gateway/bot`, ...).
    case none
    case channel(UInt64)
    case guild(UInt64)
    /// A webhook, with its token when the route carries one (`webhooks/{webhook_id}/{webhook_token}`).
    case webhook(UInt64, token: Secret?)
    /// An interaction callback or follow-up: keyed by interaction (or application) id and token.
    case interaction(UInt64, token: Secret)

    /// The ids and the kind only, not the tokens: an interaction's or a webhook's id already tells
    /// it apart, and hashing its long token again on every bucket lookup was 2 % of the bot's
    /// instructions per interaction. Equality still compares the tokens.
    public func hash(into hasher: inout Hasher) {
        switch self {
        case .none: hasher.combine(0)
        case .channel(let id): hasher.combine(1); hasher.combine(id)
        case .guild(let id): hasher.combine(2); hasher.combine(id)
        case .webhook(let id, let token): hasher.combine(3); hasher.combine(id); hasher.combine(token == nil)
        case .interaction(let id, _): hasher.combine(4); hasher.combine(id)
        }
    }

    var isInteraction: Bool {
        if case .interaction = self { true } else { false }
    }

    var usesBotToken: Bool {
        switch self {
        case .interaction: false
        case .webhook(_, let token): token == nil
        case .none, .channel, .guild: true
        }
    }

    /// Names the resource without its token.
    public var description: String {
        switch self {
        case .none: "none"
        case .channel(let id): "channel \(id)"
        case .guild(let id): "guild \(id)"
        case .webhook(let id, let token): token == nil ? "webhook \(id)" : "webhook \(id) with token"
        case .interaction(let id, _): "interaction \(id)"
        }
    }
}
