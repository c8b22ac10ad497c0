public import Foundation

/// The one clock every part of the bot reads and waits on: the workflow's stored dates, the task
/// runner's polls, the panel client's retries and install waits, the gateway's heartbeats and the
/// rate limiter's windows. Production runs on `.system`; a test or the sandbox makes one movable
/// clock and hands that same clock to the bot's parts and to the simulators, so that moving it
/// moves all of them together.
///
/// It is a `Clock` whose instants count from the moment it was made, so that it stays one
/// non-generic type whatever clock drives it, and it also tells the wall time (`date`), which is
/// the clock's start date plus the time elapsed since.
public struct BotClock: Clock {
    public typealias Instant = ClockOffset

    private let elapsedReading: @Sendable () -> Duration
    private let dateReading: @Sendable () -> Date
    private let sleeper: @Sendable (Duration, Duration?) async throws -> Void
    private let resolution: Duration
    private let movable: (any MovableClock)?

    /// Time on `clock`, whose present moment is the wall time `date`.
    public init<C: Clock>(_ clock: C, startingAt date: Date = Date()) where C.Duration == Duration {
        let origin = clock.now
        let elapsed: @Sendable () -> Duration = { origin.duration(to: clock.now) }
        elapsedReading = elapsed
        dateReading = { date.addingTimeInterval(elapsed().timeInterval) }
        sleeper = { deadline, tolerance in try await clock.sleep(until: origin.advanced(by: deadline), tolerance: tolerance) }
        resolution = clock.minimumResolution
        movable = clock as? any MovableClock
    }

    /// Real time that keeps counting while the machine sleeps, as a heartbeat deadline must, and
    /// the system's wall clock for dates.
    public static var system: BotClock {
        let continuous = ContinuousClock()
        let origin = continuous.now
        return BotClock(
            elapsed: { origin.duration(to: continuous.now) },
            date: { Date() },
            sleeper: { deadline, tolerance in try await continuous.sleep(until: origin.advanced(by: deadline), tolerance: tolerance) },
            resolution: continuous.minimumResolution
        )
    }

    /// A clock that stands still until it is advanced. The default start is 2026-01-01T00:00:00Z,
    /// a fixed instant so that snowflakes and reset times are the same on every run.
    /// - Parameter sleepingMovesTime: whether a sleep moves the clock to its deadline at once
    ///   instead of waiting for an advance (see `ManualClock`).
    public static func manual(startingAt date: Date = Date(timeIntervalSince1970: 1_767_225_600), sleepingMovesTime: Bool = false) -> BotClock {
        BotClock(ManualClock(sleepingMovesTime: sleepingMovesTime), startingAt: date)
    }

    /// Real time, which `advance(by:)` moves ahead of the wall clock (see `AdjustableClock`).
    public static func adjustable() -> BotClock {
        BotClock(AdjustableClock(), startingAt: Date())
    }

    private init(elapsed: @escaping @Sendable () -> Duration, date: @escaping @Sendable () -> Date,
                 sleeper: @escaping @Sendable (Duration, Duration?) async throws -> Void, resolution: Duration) {
        elapsedReading = elapsed
        dateReading = date
        self.sleeper = sleeper
        self.resolution = resolution
        movable = nil
    }

    public var now: Instant { Instant(offset: elapsedReading()) }
    public var minimumResolution: Duration { resolution }

    /// Time since the clock was made.
    public var elapsed: Duration { elapsedReading() }

    /// The wall-clock time now, for the dates that are stored, compared and shown.
    public var date: Date { dateReading() }

    public func sleep(until deadline: Instant, tolerance: Duration? = nil) async throws {
        try await sleeper(deadline.offset, tolerance)
    }

    /// Returns once `elapsed` has reached `deadline`; throws `CancellationError` if the task is cancelled first.
    public func sleep(untilElapsed deadline: Duration) async throws {
        try await sleeper(deadline, nil)
    }

    /// Moves a manual or adjustable clock forward, waking the sleepers whose deadline has passed.
    /// Nothing moves the system clock: on it this does nothing.
    public func advance(by duration: Duration) {
        movable?.advance(by: duration)
    }

    /// How far `advance(by:)` has moved the clock in all; zero on the system clock.
    public var advanced: Duration { movable?.advanced ?? .zero }
}
