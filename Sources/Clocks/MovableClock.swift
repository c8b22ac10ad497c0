/// A clock that a test, the sandbox's console or a simulator moves forward by hand: `ManualClock`
/// and `AdjustableClock`. `BotClock` made from one passes `advance(by:)` on to it.
public protocol MovableClock: Clock, Sendable where Duration == Swift.Duration {
    /// Moves time forward and wakes every sleeper whose deadline has passed; the past cannot be
    /// revisited, so a negative duration changes nothing.
    func advance(by duration: Duration)

    /// How far `advance(by:)` has moved the clock in all.
    var advanced: Duration { get }
}
