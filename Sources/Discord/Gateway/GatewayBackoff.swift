import Backoff

/// Delays between connection attempts after failures (docs/DISCORD.md#reconnecting): none after a healthy session
/// ended, then `2^(n−1)` seconds with ±50 % jitter, capped, so a broken network or a refusing
/// server never makes the bot spin (and spend its 1000 daily IDENTIFYs).
public struct GatewayBackoff: Sendable {
    public var cap: Duration
    private(set) var consecutiveFailures = 0

    public init(cap: Duration = .seconds(64)) {
        self.cap = cap
    }

    /// A connection failed before the session was (re)established.
    public mutating func recordFailure() {
        consecutiveFailures += 1
    }

    /// READY or RESUMED arrived: the next reconnect may be immediate.
    public mutating func recordSuccess() {
        consecutiveFailures = 0
    }

    /// How long to wait before the next attempt; `random` is in 0..<1 (injected for tests).
    public func delay(random: Double) -> Duration {
        guard consecutiveFailures > 0 else { return .zero }
        return ExponentialBackoff(base: .seconds(1), cap: cap, jitter: 0.5...1.5).delay(afterAttempt: consecutiveFailures, random: random)
    }
}
