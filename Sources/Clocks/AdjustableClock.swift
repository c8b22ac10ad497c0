import Synchronization

/// Real time plus an offset that only grows: the sandbox's console and the simulators' tests move it
/// forward to see reminders, expiry and Discord's deadlines without waiting days, while everything
/// else keeps running at real speed.
///
/// A sleeper wakes when real time reaches its deadline or when `advance(by:)` carries the clock past
/// it, whichever comes first. Cancelling a sleeping task ends its sleep with `CancellationError`, as
/// `ContinuousClock` does.
public final class AdjustableClock: MovableClock {
    public typealias Instant = ContinuousClock.Instant

    private struct Waiter {
        let id: UInt64
        let continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        var offset: Duration = .zero
        /// Counts the advances, so that a sleeper can tell whether one happened since it looked.
        var generation: UInt64 = 0
        var waiters: [Waiter] = []
        var nextID: UInt64 = 0
    }

    private let realTime = ContinuousClock()
    private let state = Mutex(State())

    public init() {}

    public var now: Instant { realTime.now.advanced(by: state.withLock { $0.offset }) }
    public var minimumResolution: Duration { realTime.minimumResolution }
    public var advanced: Duration { state.withLock { $0.offset } }

    public func sleep(until deadline: Instant, tolerance: Duration? = nil) async throws {
        while true {
            try Task.checkCancellation()
            let (offset, generation) = state.withLock { ($0.offset, $0.generation) }
            if deadline <= realTime.now.advanced(by: offset) { return }
            // Real time may reach the deadline first, or an advance may carry the clock past it.
            try await withThrowingTaskGroup(of: Void.self) { group in
                let realTime = realTime
                group.addTask { try await realTime.sleep(until: deadline.advanced(by: .zero - offset), tolerance: tolerance) }
                group.addTask { try await self.nextAdvance(after: generation) }
                _ = try await group.next()
                group.cancelAll()
            }
        }
    }

    public func advance(by duration: Duration) {
        guard duration > .zero else { return }
        let woken = state.withLock { state -> [Waiter] in
            state.offset += duration
            state.generation += 1
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in woken { waiter.continuation.resume() }
    }

    /// Returns once the clock has been advanced past `generation`, at once if it already has.
    private func nextAdvance(after generation: UInt64) async throws {
        let id = state.withLock { state in
            defer { state.nextID += 1 }
            return state.nextID
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let outcome = state.withLock { state -> Result<Void, any Error>? in
                    if Task.isCancelled { return .failure(CancellationError()) }
                    if state.generation != generation { return .success(()) }
                    state.waiters.append(Waiter(id: id, continuation: continuation))
                    return nil
                }
                if let outcome { continuation.resume(with: outcome) }
            }
        } onCancel: {
            let waiter = state.withLock { state -> Waiter? in
                guard let index = state.waiters.firstIndex(where: { $0.id == id }) else { return nil }
                return state.waiters.remove(at: index)
            }
            waiter?.continuation.resume(throwing: CancellationError())
        }
    }
}
