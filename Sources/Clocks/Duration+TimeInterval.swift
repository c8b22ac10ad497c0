public import Foundation

extension Duration {
    /// Seconds with the attoseconds kept, for date arithmetic.
    package var timeInterval: TimeInterval {
        let (seconds, attoseconds) = components
        return TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18
    }
}
