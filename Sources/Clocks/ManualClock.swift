import Synchronization

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

    private struct Sleeper {
        let id: UInt64
        let deadline: Instant
        let continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        var now = Instant(offset: .zero)
        var sleepers: [Sleeper] = []
        var nextID: UInt64 = 0
    }

    private let state = Mutex(State())
    private let sleepingMovesTime: Bool

    public init(sleepingMovesTime: Bool = false) {
        self.sleepingMovesTime = sleepingMovesTime
    }

    public var now: Instant { state.withLock { $0.now } }
    public var advanced: Duration { now.offset }
    public var minimumResolution: Duration { .zero }

    /// The instant `offset` after the clock's start.
    public func instant(_ offset: Duration) -> Instant { Instant(offset: offset) }

    /// Tasks currently sleeping on this clock.
    public var sleeperCount: Int { state.withLock { $0.sleepers.count } }

    /// The earliest deadline of a sleeping task.
    public var nextDeadline: Instant? { state.withLock { $0.sleepers.map(\.deadline).min() } }

    public func sleep(until deadline: Instant, tolerance: Duration? = nil) async throws {
        if sleepingMovesTime {
            advance(to: deadline)
            return
        }
        let id = state.withLock { state in
            defer { state.nextID += 1 }
            return state.nextID
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let outcome = state.withLock { state -> Result<Void, any Error>? in
                    if Task.isCancelled { return .failure(CancellationError()) }
                    if deadline <= state.now { return .success(()) }
                    state.sleepers.append(Sleeper(id: id, deadline: deadline, continuation: continuation))
                    return nil
                }
                if let outcome { continuation.resume(with: outcome) }
            }
        } onCancel: {
            let sleeper = state.withLock { state -> Sleeper? in
                guard let index = state.sleepers.firstIndex(where: { $0.id == id }) else { return nil }
                return state.sleepers.remove(at: index)
            }
            sleeper?.continuation.resume(throwing: CancellationError())
        }
    }

    /// Moves time forward and wakes every sleeper whose deadline has passed, earliest first.
    public func advance(by duration: Duration) {
        advance(to: now.advanced(by: duration))
    }

    public func advance(to target: Instant) {
        let due = state.withLock { state -> [Sleeper] in
            state.now = max(state.now, target)
            let now = state.now
            let due = state.sleepers.filter { $0.deadline <= now }
            state.sleepers.removeAll { $0.deadline <= now }
            return due.sorted { ($0.deadline, $0.id) < ($1.deadline, $1.id) }
        }
        for sleeper in due { sleeper.continuation.resume() }
    }

    /// Moves time to the earliest sleeper's deadline, if anyone sleeps.
    public func advanceToNextDeadline() {
        if let next = nextDeadline { advance(to: next) }
    }
}
