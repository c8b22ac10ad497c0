/// Permission to send one request. The caller sends the request itself, then hands the permit
/// back with `RateLimiter.complete(_:status:headers:)`, or with `RateLimiter.cancel(_:)` if the
/// request was never sent (T2). Until then the permit holds one of its bucket's slots.
public struct RateLimitPermit: Sendable, Hashable {
    /// Grant order: permits of one limiter are numbered in the order they were handed out.
    let id: UInt64
    public let route: RateLimitRoute
}
