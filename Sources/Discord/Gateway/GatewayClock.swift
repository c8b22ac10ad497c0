/// The time a gateway session keeps: identify pacing, reconnect backoff, the heartbeat timer, the
/// send window and the gateway URL's lifetime all read and wait on it.
///
/// Readings are durations since the clock was made, not a clock's own instants, so that the session
/// stays one non-generic type whatever clock drives it: `ContinuousClock` in production, a manual
/// clock in tests, which then move time instead of sleeping and get the same answer on a loaded
/// machine as on an idle one.
public struct GatewayClock: Sendable {
    private let reading: @Sendable () -> Duration
    private let sleeper: @Sendable (Duration) async throws -> Void

    public init<C: Clock>(_ clock: C) where C.Duration == Duration {
        let origin = clock.now
        reading = { origin.duration(to: clock.now) }
        sleeper = { deadline in try await clock.sleep(until: origin.advanced(by: deadline), tolerance: nil) }
    }

    /// Real time that keeps counting while the machine sleeps, as a heartbeat deadline must.
    public static var continuous: GatewayClock { GatewayClock(ContinuousClock()) }

    /// Time since the clock was made.
    public var now: Duration { reading() }

    /// Returns once `now` has reached `deadline`; throws `CancellationError` if the task is cancelled first.
    public func sleep(until deadline: Duration) async throws {
        try await sleeper(deadline)
    }

    public func sleep(for duration: Duration) async throws {
        try await sleeper(now + duration)
    }
}
