import Synchronization

/// The one observer a simulator calls (a benchmark's stop-watch), set and read from any thread.
///
/// The closure is kept in an object behind the lock, never in the lock itself: a closure kept in a
/// `Mutex` is read through its `inout` access, which wraps one more reabstraction thunk around it
/// on every read, so each call cost more than the last (a quarter of a benchmark's CPU after
/// 10,000 callbacks) and releasing the chain overflowed a thread's stack after 100,000 dispatches.
package final class ObserverSlot<Event>: Sendable {
    private final class Observer: Sendable {
        let call: @Sendable (Event) -> Void

        init(call: @escaping @Sendable (Event) -> Void) {
            self.call = call
        }
    }

    private let observer = Mutex<Observer?>(nil)

    package init() {}

    /// Replaces any earlier observer.
    package func set(_ call: @escaping @Sendable (Event) -> Void) {
        observer.withLock { $0 = Observer(call: call) }
    }

    /// The observer; nil while none is set, so a caller can skip building an event nobody reads.
    package var current: (@Sendable (Event) -> Void)? {
        observer.withLock { $0 }?.call
    }
}
