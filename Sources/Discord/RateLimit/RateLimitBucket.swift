/// Where a bucket's state is filed: by route until Discord names the bucket, then by hash (docs/DISCORD.md#buckets).
enum RateLimitBucketKey: Hashable, Sendable {
    case route(method: String, template: String, major: MajorParameter)
    case hash(String, major: MajorParameter)

    init(_ route: RateLimitRoute, hash: String?) {
        if let hash {
            self = .hash(hash, major: route.major)
        } else {
            self = .route(method: route.method, template: route.template, major: route.major)
        }
    }
}

/// One bucket's limit, its waiters and its requests in flight. A value owned by `RateLimiter`.
///
/// Requests are counted when granted, not when answered: a slot is taken by every permit in flight,
/// so parallel callers cannot overrun `remaining` (docs/DISCORD.md#buckets). While the limit is unknown (a new bucket,
/// or just after a 429) only one request is in flight at a time: its answer tells us the rest, and
/// a 429 storm costs one attempt per retry window instead of one per waiter.
struct RateLimitBucket<Instant: InstantProtocol<Duration>> {
    /// `X-RateLimit-Limit` from the last response, if any.
    var limit: Int?
    /// Requests left in the window ending at `resetAt`; nil while unknown (one probe at a time).
    var remaining: Int?
    var resetAt: Instant?
    /// Set by a 429: nothing is sent before this instant.
    var blockedUntil: Instant?
    /// Responses without any rate-limit header mean the route has no per-route limit.
    var isUnlimited = false
    /// Permits granted and not yet completed or cancelled.
    var inFlight: Set<UInt64> = []
    /// Waiter ids in arrival order; only the first may be granted (FIFO).
    var queue: [UInt64] = []
    var lastUsed: Instant

    init(now: Instant) {
        lastUsed = now
    }

    /// How many more requests may be sent at `now`, not counting those already in flight.
    func capacity(at now: Instant) -> Int {
        if let blockedUntil, now < blockedUntil { return 0 }
        if isUnlimited { return Int.max }
        let allowed: Int
        if let resetAt, now >= resetAt {
            allowed = limit ?? 1                  // a new window: the whole limit again
        } else {
            allowed = remaining ?? 1              // unknown: one probe
        }
        return max(0, allowed - inFlight.count)
    }

    /// The instant the passing of time alone gives this bucket capacity again, or nil if it must
    /// wait for a request in flight to complete (or already has capacity).
    func nextOpening(after now: Instant) -> Instant? {
        var instant = now
        if let blockedUntil, now < blockedUntil {
            instant = blockedUntil
            if capacity(at: instant) > 0 { return instant }
        }
        if let resetAt, resetAt > instant, capacity(at: resetAt) > 0 { return resetAt }
        return nil
    }

    /// Takes in what a (non-429) response says about the bucket.
    mutating func update(with headers: RateLimitHeaders, status: Int, at now: Instant, fallbackResetAfter: Duration) {
        guard headers.hasBucketInformation else {
            if (200..<400).contains(status) { isUnlimited = true }
            return
        }
        isUnlimited = false
        if let limit = headers.limit { self.limit = limit }
        guard let newRemaining = headers.remaining else { return }
        let newResetAt = headers.resetAfter.map { now.advanced(by: $0) }
        if let resetAt, now < resetAt, let remaining {
            // The same window: answers can arrive out of order, so the lowest count is the newest.
            self.remaining = min(remaining, newRemaining)
        } else {
            self.remaining = newRemaining
        }
        if let newResetAt {
            resetAt = newResetAt
        } else if self.remaining == 0 {
            resetAt = now.advanced(by: fallbackResetAfter)
        } else if let resetAt, resetAt <= now {
            self.resetAt = nil              // no new window announced: trust `remaining`, not the old reset
        }
    }

    /// A 429 on this bucket: wait `retryAfter`, then probe with one request.
    mutating func block(for retryAfter: Duration, at now: Instant) {
        let until = now.advanced(by: retryAfter)
        blockedUntil = max(blockedUntil ?? until, until)
        remaining = nil
        resetAt = nil
        isUnlimited = false
    }

    /// True when forgetting the bucket loses nothing: no waiter, nothing in flight, no pending wait.
    func isIdle(at now: Instant, expiry: Duration) -> Bool {
        queue.isEmpty && inFlight.isEmpty
            && lastUsed.advanced(by: expiry) <= now
            && (blockedUntil.map { $0 <= now } ?? true)
            && (resetAt.map { $0 <= now } ?? true)
    }
}
