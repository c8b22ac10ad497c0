/// Real time plus an offset that only grows: the sandbox's console and the simulators' tests move it
/// forward to see reminders, expiry and Discord's deadlines without waiting days, while everything
/// else keeps running at real speed.
///
/// A sleeper wakes when real time reaches its deadline or when `advance(by:)` carries the clock past
/// it, whichever comes first. Cancelling a sleeping task ends its sleep with `CancellationError`, as
/// `ContinuousClock` does.
public final class AdjustableClock: MovableClock {
    public typealias Instant = ContinuousClock.Instant

    private struct Offset {
        var ahead: Duration = .zero
        /// Counts the advances, so that a sleeper can tell whether one happened since it looked.
        var generation: UInt64 = 0
    }

    private let realTime = ContinuousClock()
    /// How far the clock is ahead of real time, and the sleepers waiting for it to move.
    private let room = WaitingRoom<Offset, UInt64>(Offset())

    public init() {}

    public var now: Instant { realTime.now.advanced(by: room.state.ahead) }
    public var minimumResolution: Duration { realTime.minimumResolution }
    public var advanced: Duration { room.state.ahead }

    public func sleep(until deadline: Instant, tolerance: Duration? = nil) async throws {
        while true {
            try Task.checkCancellation()
            let current = room.state
            if deadline <= realTime.now.advanced(by: current.ahead) { return }
            // Real time may reach the deadline first, or an advance may carry the clock past it.
            try await withThrowingTaskGroup(of: Void.self) { group in
                let realTime = realTime
                group.addTask { try await realTime.sleep(until: deadline.advanced(by: .zero - current.ahead), tolerance: tolerance) }
                group.addTask { try await self.nextAdvance(after: current.generation) }
                _ = try await group.next()
                group.cancelAll()
            }
        }
    }

    public func advance(by duration: Duration) {
        guard duration > .zero else { return }
        room.update({ offset in
            offset.ahead += duration
            offset.generation += 1
        }, waking: { _, _ in true })
    }

    /// Returns once the clock has been advanced past `generation`, at once if it already has.
    private func nextAdvance(after generation: UInt64) async throws {
        try await room.wait(tag: generation) { offset in offset.generation != generation }
    }
}
