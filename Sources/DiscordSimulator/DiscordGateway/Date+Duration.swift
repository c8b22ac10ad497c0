import Foundation
import SimulatorSupport

extension Date {
    /// The time from `rhs` to `lhs`, so the gateway's judgements read like `now - helloAt <= interval`
    /// on `BotClock`'s dates. Rounded to microseconds: a `Date` near today holds about a
    /// quarter of a microsecond, so finer digits are noise and would make equal spans unequal.
    static func - (lhs: Date, rhs: Date) -> Duration {
        .microseconds(Int64((lhs.timeIntervalSince(rhs) * 1e6).rounded()))
    }
}
