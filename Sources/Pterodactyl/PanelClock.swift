/// The client's sense of time: how long it has waited, and how it waits.
///
/// Production uses `.continuous`. Tests pass a clock whose `sleep` advances the panel simulator's
/// manual clock, so a 60 s `Retry-After`, a 600 s backup throttle or an install wait runs in
/// milliseconds without a test sleeping.
public struct PanelClock: Sendable {
    /// Time since an arbitrary origin; only differences are used.
    public let now: @Sendable () -> Duration
    public let sleep: @Sendable (Duration) async throws -> Void

    public init(now: @escaping @Sendable () -> Duration, sleep: @escaping @Sendable (Duration) async throws -> Void) {
        self.now = now
        self.sleep = sleep
    }

    public static var continuous: PanelClock {
        let clock = ContinuousClock()
        let origin = clock.now
        return PanelClock(now: { origin.duration(to: clock.now) }, sleep: { try await clock.sleep(for: $0) })
    }
}
