import Glibc
import Synchronization

/// The loop thread as a task executor. The bot's interactions prefer it
/// (`HTTPClient.executor`): a handler's code, its Discord requests and their answers then stay on
/// one thread, where each hop between Swift's pool and this thread cost a wake-up of each.
///
/// Jobs run at the start of each turn of the loop, before libcurl's sockets are served; a job
/// enqueued from the loop thread itself (a task resumed by its response) needs no wake-up. Once
/// the client has shut down and the thread ended, jobs go to Swift's global executor, so that a
/// task still preferring it never waits for a thread that is gone.
extension TransferLoop: TaskExecutor {
    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let accepted = shared.withLock { shared in
            guard !shared.hasEnded else { return false }
            shared.jobs.append(job)
            return true
        }
        guard accepted else {
            globalConcurrentExecutor.enqueue(ExecutorJob(job))
            return
        }
        wakeUnlessOnLoop()
    }

    func asUnownedTaskExecutor() -> UnownedTaskExecutor {
        UnownedTaskExecutor(ordinary: self)
    }

    var isOnLoopThread: Bool {
        loopThread.load(ordering: .acquiring) == UInt(pthread_self())
    }

    func wakeUnlessOnLoop() {
        if !isOnLoopThread { multi.wakeup() }
    }

    /// Runs the jobs queued so far; those they enqueue wait for the next turn, so that a chain of
    /// tasks cannot keep libcurl's sockets unserved.
    func runJobs(_ jobs: inout [UnownedJob]) {
        shared.withLock { swap(&$0.jobs, &jobs) }
        for job in jobs {
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
        jobs.removeAll(keepingCapacity: true)
    }

    /// The thread is ending: jobs from now on, and those still queued, go to the global executor.
    func end() {
        // A thread made later may get this one's id.
        loopThread.store(0, ordering: .releasing)
        let left = shared.withLock { shared in
            shared.hasEnded = true
            defer { shared.jobs.removeAll() }
            return shared.jobs
        }
        for job in left {
            globalConcurrentExecutor.enqueue(ExecutorJob(job))
        }
    }
}
