public import Foundation
public import Lending
import Synchronization

/// The sandbox's time: the wall clock plus an offset the console moves forward, so that reminders
/// and expiry can be seen without waiting days. Only the workflow reads it; the simulators keep
/// real time, as Discord and the panel would.
public final class SandboxClock: Sendable {
    private let offset = Mutex<TimeInterval>(0)

    public init() {}

    public var now: Date { Date().addingTimeInterval(offset.withLock { $0 }) }

    /// How far ahead of the wall clock the sandbox is.
    public var offsetSeconds: TimeInterval { offset.withLock { $0 } }

    /// Moves time forward; the past cannot be revisited (a negative value is ignored).
    public func advance(by seconds: TimeInterval) {
        guard seconds > 0 else { return }
        offset.withLock { $0 += seconds }
    }

    public var lendingClock: LendingClock {
        LendingClock { [self] in now }
    }
}
