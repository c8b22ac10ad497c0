import Synchronization

/// Wakes one waiting `acquire` call when its bucket may have changed.
///
/// A signal sent while nobody waits is kept, so a wake-up between a waiter's decision and its
/// suspension is never lost. Spurious wake-ups are harmless: the waiter decides again. Cancelling
/// the waiting task ends the wait with `CancellationError` and leaves the signal reusable.
final class RateLimitWaiterSignal: Sendable {
    private enum State {
        case idle
        case signalled
        case waiting(CheckedContinuation<Void, any Error>)
    }

    private let state = Mutex(State.idle)

    func signal() {
        let continuation = state.withLock { state -> CheckedContinuation<Void, any Error>? in
            switch state {
            case .idle, .signalled:
                state = .signalled
                return nil
            case .waiting(let continuation):
                state = .idle
                return continuation
            }
        }
        continuation?.resume()
    }

    func wait() async throws {
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let outcome = state.withLock { state -> Result<Void, any Error>? in
                    if Task.isCancelled { return .failure(CancellationError()) }
                    switch state {
                    case .signalled:
                        state = .idle
                        return .success(())
                    case .idle:
                        state = .waiting(continuation)
                        return nil
                    case .waiting:
                        preconditionFailure("two tasks wait on one rate-limit waiter")
                    }
                }
                if let outcome { continuation.resume(with: outcome) }
            }
        } onCancel: {
            let continuation = state.withLock { state -> CheckedContinuation<Void, any Error>? in
                guard case .waiting(let continuation) = state else { return nil }
                state = .idle
                return continuation
            }
            continuation?.resume(throwing: CancellationError())
        }
    }
}
