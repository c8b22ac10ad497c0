import Synchronization

/// A one-way switch that asks the bot to stop: `trigger()` once (from a signal handler's thread,
/// a test, or a fatal error), `wait()` from any number of tasks.
public final class ShutdownSignal: Sendable {
    private struct State {
        var isTriggered = false
        var nextWaiter = 0
        var waiters: [Int: CheckedContinuation<Void, Never>] = [:]
    }

    private let state = Mutex(State())

    public init() {}

    public var isTriggered: Bool { state.withLock { $0.isTriggered } }

    /// Wakes every waiter, now and later; calling it again does nothing.
    public func trigger() {
        let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            guard !state.isTriggered else { return [] }
            state.isTriggered = true
            defer { state.waiters = [:] }
            return Array(state.waiters.values)
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Returns once `trigger()` was called, or when the waiting task is cancelled.
    public func wait() async {
        let id = state.withLock { state in
            defer { state.nextWaiter += 1 }
            return state.nextWaiter
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let resumeNow = state.withLock { state -> Bool in
                    // Checked under the lock, so a trigger or a cancellation either sees this
                    // waiter or happened before and is seen here.
                    if state.isTriggered || Task.isCancelled { return true }
                    state.waiters[id] = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            state.withLock { $0.waiters.removeValue(forKey: id) }?.resume()
        }
    }
}
