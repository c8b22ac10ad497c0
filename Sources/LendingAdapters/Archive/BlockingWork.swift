import Foundation
import Synchronization

/// Runs blocking file work on a thread of its own, never on the cooperative pool: a copy of a
/// multi-gigabyte backup would otherwise hold one of the machine's two pool threads for minutes.
enum BlockingWork {
    /// Set when the awaiting task is cancelled; the work reads it between chunks and stops.
    final class Cancellation: Sendable {
        private let flag = Atomic<Bool>(false)
        var isCancelled: Bool { flag.load(ordering: .relaxed) }
        fileprivate func cancel() { flag.store(true, ordering: .relaxed) }
    }

    static func run<Value: Sendable>(_ work: @escaping @Sendable (Cancellation) throws -> Value) async throws -> Value {
        let cancellation = Cancellation()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                Thread {
                    continuation.resume(with: Result { try work(cancellation) })
                }.start()
            }
        } onCancel: {
            cancellation.cancel()
        }
    }
}
