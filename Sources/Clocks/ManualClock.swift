/// A clock that moves only when the test says so: code that takes a `Clock` runs on it in tests, so
/// that its waits end when the test advances time, never because a loaded machine was slow.
///
/// `sleep(until:)` suspends until `advance` moves `now` past the deadline; sleepers are resumed in
/// deadline order (ties in the order they went to sleep). Cancelling a sleeping task ends its sleep
/// with `CancellationError`, as `ContinuousClock` does.
///
/// A clock made with `sleepingMovesTime` instead moves itself to a sleeper's deadline at once: for a
/// client whose every wait (a `Retry-After`, a throttle, an install poll) should take no real time
/// while the simulator it talks to sees that time pass.
public final class ManualClock: MovableClock {
    public typealias Instant = ClockOffset

    /// The clock's present instant, and its sleepers under their deadlines.
    private let room = WaitingRoom<Instant, Instant>(Instant(offset: .zero))
    private let sleepingMovesTime: Bool

    public init(sleepingMovesTime: Bool = false) {
        self.sleepingMovesTime = sleepingMovesTime
    }

    public var now: Instant { room.state }
    public var advanced: Duration { now.offset }
    public var minimumResolution: Duration { .zero }

    /// The instant `offset` after the clock's start.
    public func instant(_ offset: Duration) -> Instant { Instant(offset: offset) }

    /// Tasks currently sleeping on this clock.
    public var sleeperCount: Int { room.tags.count }

    /// The earliest deadline of a sleeping task.
    public var nextDeadline: Instant? { room.tags.min() }

    public func sleep(until deadline: Instant, tolerance: Duration? = nil) async throws {
        if sleepingMovesTime {
            advance(to: deadline)
            return
        }
        try await room.wait(tag: deadline) { now in deadline <= now }
    }

    /// Moves time forward and wakes every sleeper whose deadline has passed, earliest first.
    public func advance(by duration: Duration) {
        advance(to: now.advanced(by: duration))
    }

    public func advance(to target: Instant) {
        room.update({ now in now = max(now, target) }, waking: { now, deadline in deadline <= now })
    }

    /// Moves time to the earliest sleeper's deadline, if anyone sleeps.
    public func advanceToNextDeadline() {
        if let next = nextDeadline { advance(to: next) }
    }
}
