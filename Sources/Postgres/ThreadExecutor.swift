import Foundation

/// A serial executor backed by one dedicated thread.
///
/// libpq calls block; an actor whose `unownedExecutor` is one of these runs them on its own thread,
/// so they never occupy Swift's cooperative pool (two threads on a two-core machine).
/// Invariant: `jobs` is touched only with `condition` held; the thread ends once `shutdown()` has been
/// called and the queue has drained.
///
/// It is also a task executor: a transaction's body prefers it (`withTaskExecutorPreference`), so
/// the body's own code runs on the session's thread between its statements, instead of each
/// statement waking that thread and then a thread of the pool to carry on.
final class ThreadExecutor: SerialExecutor, TaskExecutor, @unchecked Sendable {
    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []
    private var isShuttingDown = false

    init(name: String) {
        let thread = Thread { [self] in run() }
        thread.name = name
        thread.start()
    }

    /// Signals after unlocking: a thread woken while the lock is still held would wake only to
    /// wait for the lock, a second sleep and wake-up for one job.
    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        condition.lock()
        jobs.append(job)
        condition.unlock()
        condition.signal()
    }

    func asUnownedSerialExecutor() -> UnownedSerialExecutor {
        UnownedSerialExecutor(ordinary: self)
    }

    func asUnownedTaskExecutor() -> UnownedTaskExecutor {
        UnownedTaskExecutor(ordinary: self)
    }

    /// Lets the thread finish after the jobs already queued.
    func shutdown() {
        condition.lock()
        isShuttingDown = true
        condition.unlock()
        condition.signal()
    }

    private func run() {
        while true {
            condition.lock()
            while jobs.isEmpty && !isShuttingDown {
                condition.wait()
            }
            if jobs.isEmpty {
                condition.unlock()
                return
            }
            let batch = jobs
            jobs.removeAll(keepingCapacity: true)
            condition.unlock()
            for job in batch {
                job.runSynchronously(on: asUnownedSerialExecutor())
            }
        }
    }
}
