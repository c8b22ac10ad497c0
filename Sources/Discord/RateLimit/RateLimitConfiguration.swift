/// The limiter's limits. Every default is Discord's documented value or a margin below it.
public struct RateLimitConfiguration: Sendable {
    /// Requests per `globalWindow` across all non-interaction routes (docs/DISCORD.md#global-limit: 50 per second per bot).
    public var globalLimit: Int
    public var globalWindow: Duration
    /// Invalid responses (401, 403, and 429 other than `shared`) allowed in `invalidRequestWindow`
    /// before the limiter refuses requests. Discord bans the IP at 10,000 per 10 minutes (docs/DISCORD.md#invalid-requests); a tenth
    /// of that leaves room for other processes on the same address and for our own bugs.
    public var invalidRequestCeiling: Int
    public var invalidRequestWindow: Duration
    /// How long all traffic stops after a Cloudflare 429 (docs/DISCORD.md#429-answers). Such bans last about an hour; retrying
    /// sooner only extends them.
    public var cloudflarePause: Duration
    /// Buckets unused for this long are forgotten (docs/DISCORD.md#buckets: discord.py drops them after 300 s).
    public var idleBucketExpiry: Duration
    /// Used when a response says `remaining: 0` or 429 but gives no reset or retry time.
    public var fallbackResetAfter: Duration
    /// A permit neither completed nor cancelled within this time is taken back, so a caller that
    /// forgets one cannot wedge its bucket. Longer than any request timeout (30 s, docs/DISCORD.md#requests).
    public var permitLease: Duration

    public init(
        globalLimit: Int = 50,
        globalWindow: Duration = .seconds(1),
        invalidRequestCeiling: Int = 1_000,
        invalidRequestWindow: Duration = .seconds(600),
        cloudflarePause: Duration = .seconds(3_600),
        idleBucketExpiry: Duration = .seconds(300),
        fallbackResetAfter: Duration = .seconds(1),
        permitLease: Duration = .seconds(60)
    ) {
        self.globalLimit = globalLimit
        self.globalWindow = globalWindow
        self.invalidRequestCeiling = invalidRequestCeiling
        self.invalidRequestWindow = invalidRequestWindow
        self.cloudflarePause = cloudflarePause
        self.idleBucketExpiry = idleBucketExpiry
        self.fallbackResetAfter = fallbackResetAfter
        self.permitLease = permitLease
    }
}
