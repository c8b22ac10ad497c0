/// How many requests a bucket allows per window.
public struct RateLimitRule: Sendable, Hashable {
    public var limit: Int
    public var window: Duration

    public init(limit: Int, window: Duration) {
        precondition(limit > 0, "a bucket must allow at least one request")
        self.limit = limit
        self.window = window
    }

    /// Discord documents no exact numbers and changes them without notice; these are the values
    /// commonly observed (message sends 5 per 5 s per channel) or chosen to make tests short
    /// (role changes 5 per 1 s per guild). Message edits are taken to be limited as sends are, per
    /// channel, in a bucket of their own. Routes without an entry use `fallback`.
    public static let defaults: [SimulatedRoute: RateLimitRule] = [
        .createMessage: RateLimitRule(limit: 5, window: .seconds(5)),
        .editMessage: RateLimitRule(limit: 5, window: .seconds(5)),
        .addMemberRole: RateLimitRule(limit: 5, window: .seconds(1)),
        .removeMemberRole: RateLimitRule(limit: 5, window: .seconds(1)),
        .createFollowUpMessage: RateLimitRule(limit: 5, window: .seconds(2)),
        .createDM: RateLimitRule(limit: 10, window: .seconds(10)),
    ]

    /// For routes without their own entry: generous, so that the global limit is what a burst hits.
    public static let fallback = RateLimitRule(limit: 50, window: .seconds(1))

    /// Discord's global limit for bot-token requests (docs/DISCORD.md#global-limit).
    public static let global = RateLimitRule(limit: 50, window: .seconds(1))
}
