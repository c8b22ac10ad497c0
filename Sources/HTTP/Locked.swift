import Foundation

/// A value behind an `NSLock`, for the little state that crosses threads (the loop's inbox, a
/// transfer's phase).
///
/// `NSLock` rather than `Synchronization.Mutex`: Mutex's futex lock lives in the uninstrumented
/// standard library, and ThreadSanitizer reports false races inside `withLock`. Invariant: `value` is read and written only while `lock` is held.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) {
        self.value = value
    }

    func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
