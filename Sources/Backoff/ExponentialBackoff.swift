/// The one retry policy of the bot: `base × 2^(attempt − 1)`, at most `cap`, scaled by a factor
/// drawn from `jitter`. Discord's REST calls, the panel's, the durable tasks and the gateway's
/// reconnects each choose their numbers, and all wait by this rule, so a change to how the bot
/// backs off is made once.
///
/// The jitter spreads retries that failed together (every call during one outage) so they do not
/// come back together.
public struct ExponentialBackoff: Sendable, Equatable {
    /// The wait after the first failed attempt, before jitter.
    public var base: Duration
    /// The longest wait before jitter.
    public var cap: Duration
    /// The factor the capped wait is multiplied by, drawn uniformly from this range.
    public var jitter: ClosedRange<Double>

    public init(base: Duration, cap: Duration, jitter: ClosedRange<Double>) {
        self.base = base
        self.cap = cap
        self.jitter = jitter
    }

    /// The wait after `attempt` failed attempts (1 for the first); `random` in 0...1 picks the
    /// point in `jitter` (injected so tests can name the bounds).
    public func delay(afterAttempt attempt: Int, random: Double) -> Duration {
        // Twenty doublings already exceed any cap the bot uses; the limit keeps the shift defined.
        let exponent = min(max(attempt - 1, 0), 20)
        let capped = min(base * (1 << exponent), cap)
        let unit = min(max(random, 0), 1)
        return capped * (jitter.lowerBound + unit * (jitter.upperBound - jitter.lowerBound))
    }

    /// The wait after `attempt` failed attempts, with a random point in `jitter`.
    public func delay(afterAttempt attempt: Int) -> Duration {
        delay(afterAttempt: attempt, random: Double.random(in: 0...1))
    }
}
