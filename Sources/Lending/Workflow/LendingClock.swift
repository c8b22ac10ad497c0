public import Foundation

/// Where the workflow reads the time; tests move it by hand.
public struct LendingClock: Sendable {
    public let now: @Sendable () -> Date

    public init(now: @escaping @Sendable () -> Date) {
        self.now = now
    }

    /// The system's wall clock.
    public static let system = LendingClock { Date() }
}
