public import Foundation
import Synchronization

/// The simulator's idea of "now": real time by default, or a frozen instant that only the test moves.
///
/// Discord's deadlines (3 s to answer an interaction, 15 min for its token) and rate-limit windows are
/// judged against this clock, so tests can step past them with `advance(by:)` instead of sleeping.
/// `advance(by:)` works in both modes: on real time it adds a skew, so a test that keeps real time for
/// its I/O can still jump past a deadline. Dates (not `ContinuousClock` instants) because Discord's
/// `X-RateLimit-Reset` is an epoch time.
public final class SimulatorClock: Sendable {
    private enum Mode { case realTime, manual }

    private struct State {
        var mode: Mode
        var manualNow: Date
        var skew: TimeInterval = 0
    }

    private let state: Mutex<State>

    private init(mode: Mode, start: Date) {
        state = Mutex(State(mode: mode, manualNow: start))
    }

    /// Wall-clock time, plus whatever the test has advanced.
    public static func realTime() -> SimulatorClock {
        SimulatorClock(mode: .realTime, start: Date())
    }

    /// A clock that stands still until `advance(by:)`. The default start is 2026-01-01T00:00:00Z,
    /// a fixed instant so that snowflakes and reset times are the same on every run.
    public static func manual(startingAt start: Date = Date(timeIntervalSince1970: 1_767_225_600)) -> SimulatorClock {
        SimulatorClock(mode: .manual, start: start)
    }

    public var now: Date {
        state.withLock { state in
            switch state.mode {
            case .realTime: Date().addingTimeInterval(state.skew)
            case .manual: state.manualNow
            }
        }
    }

    public func advance(by duration: Duration) {
        let seconds = duration.timeInterval
        state.withLock { state in
            switch state.mode {
            case .realTime: state.skew += seconds
            case .manual: state.manualNow.addTimeInterval(seconds)
            }
        }
    }
}

extension Duration {
    /// Seconds with the attoseconds kept, for date arithmetic.
    package var timeInterval: TimeInterval {
        let (seconds, attoseconds) = components
        return TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18
    }
}
