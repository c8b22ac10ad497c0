import Backoff
public import Clocks
import Foundation
public import Logging
import Synchronization
public import Postgres

/// Claims due tasks from `"LendingTask"` and runs them, one at a time per runner; any number of
/// runners (in one process or several) can share a database.
///
/// - A claim lasts `lease` and is renewed while the handler runs; a runner that dies simply
///   stops renewing, and the task is claimed again once the claim has lapsed.
/// - A transient failure postpones the task with exponential backoff (`retryBase` doubling, at
///   most `retryCap`, with jitter) until `maxAttempts` claims have been used; a permanent failure,
///   or the last attempt, marks it FAILED and tells the moderators, who may retry it.
/// - A task whose stored input this bot cannot read (`TaskInputError`) is not run: it is marked
///   FAILED at once, with the moderators told, like any permanent failure.
/// - Cancelling the runner leaves its current task claimed, exactly as a crash would: the next
///   runner resumes it after the claim lapses, from its first unrecorded step.
/// - `finishCurrentTask()` is the gentle stop: no new task is claimed, the one running goes on,
///   and `run()` returns once it is done.
public final class TaskRunner: Sendable {
    public struct Configuration: Sendable {
        public var lease: Duration = .seconds(120)
        public var maxAttempts = 8
        public var retryBase: Duration = .seconds(5)
        public var retryCap: Duration = .seconds(600)
        /// How long an idle runner sleeps before looking again without being woken.
        public var idlePoll: Duration = .seconds(5)
        /// What the runner's own waits (the idle poll, the lease renewal's pace) run on. The
        /// runner's `clock` says what time it is; this one (any `Clock`, a `BotClock` too) says
        /// when to look again, so tests move it instead of sleeping.
        public var waitClock: any Clock<Duration> = ContinuousClock()

        public init() {}
    }

    let pool: PostgresPool
    let handlers: [TaskKind: any TaskHandler]
    let notifier: any LendingNotifier
    let clock: BotClock
    let configuration: Configuration
    let logger: Logger
    let observer: (any LendingObserver)?
    private let doorbell = WakeSignal()
    private let heartbeat = Mutex<ContinuousClock.Instant?>(nil)
    private let draining = Mutex(false)

    public init(pool: PostgresPool, handlers: [TaskKind: any TaskHandler], notifier: any LendingNotifier, clock: BotClock = .system,
                configuration: Configuration = Configuration(), observer: (any LendingObserver)? = nil, logger: Logger) {
        self.observer = observer
        self.pool = pool
        self.handlers = handlers
        self.notifier = notifier
        self.clock = clock
        self.configuration = configuration
        self.logger = logger
    }

    /// When `run()` last showed it was alive (real time, whatever `clock` says): each pass of
    /// its loop, each claim and each lease renewal beats. `nil` before `run()` started.
    public var lastHeartbeat: ContinuousClock.Instant? { heartbeat.withLock { $0 } }

    private func beat() {
        heartbeat.withLock { $0 = .now }
    }

    /// Tells an idle `run()` loop to look for tasks now.
    public func wake() {
        doorbell.ring()
    }

    /// Claims no more tasks: `run()` returns when the task it runs (if any) is done. For a
    /// graceful shutdown, which cancels the runner only if that takes too long.
    public func finishCurrentTask() {
        draining.withLock { $0 = true }
        doorbell.ring()
    }

    private var isDraining: Bool { draining.withLock { $0 } }

    /// Runs tasks until cancelled or told to finish: every due task, then sleeps until woken or
    /// `idlePoll` passes.
    public func run() async {
        while !Task.isCancelled, !isDraining {
            beat()
            do {
                _ = try await runDue()
            } catch is CancellationError {
                return
            } catch {
                logger.error("task runner could not read its queue", metadata: ["error": "\(error)"])
            }
            await doorbell.wait(timeout: configuration.idlePoll, on: configuration.waitClock)
        }
    }

    /// Claims and runs due tasks until none is left; returns how many were run.
    @discardableResult
    public func runDue() async throws -> Int {
        var count = 0
        while let task = try await claim() {
            try await execute(task)
            count += 1
        }
        return count
    }

    private func claim() async throws -> (record: TaskRecord, token: String)? {
        try Task.checkCancellation()
        beat()
        guard !isDraining else { return nil }
        let token = UUID().uuidString
        let now = clock.date
        guard let record = try await TaskTable.claimNext(token: token, leaseUntil: now.adding(configuration.lease), at: now, on: pool) else {
            return nil
        }
        return (record, token)
    }

    private func execute(_ claimed: (record: TaskRecord, token: String)) async throws {
        let task = claimed.record
        var taskLogger = logger
        taskLogger[metadataKey: "task"] = "\(task.id)"
        taskLogger[metadataKey: "kind"] = "\(task.kind.rawValue)"
        taskLogger[metadataKey: "workflow"] = "\(task.workflowId)"
        guard let handler = handlers[task.kind] else {
            try await fail(task, token: claimed.token, message: "this bot cannot run \(task.kind.rawValue) tasks", logger: taskLogger)
            return
        }
        let input: TaskInput
        switch task.input {
        case .success(let decoded): input = decoded
        case .failure(let unreadable):
            // Running it would guess at what was asked; retrying cannot make it readable.
            try await fail(task, token: claimed.token, message: unreadable.description, logger: taskLogger)
            return
        }
        let context = TaskContext(task: task, input: input, token: claimed.token, pool: pool, clock: clock, logger: taskLogger)
        do {
            try await withClaimRenewed(task, token: claimed.token) { try await handler.run(context) }
            guard try await TaskTable.finish(id: task.id, token: claimed.token, state: .succeeded, error: nil, at: clock.date, on: pool) else {
                throw TaskClaimLost(taskId: task.id)
            }
            taskLogger.info("task succeeded", metadata: ["attempt": "\(task.attempts)"])
            observer?.taskFinished(task.kind, outcome: .succeeded)
        } catch is CancellationError {
            throw CancellationError()
        } catch let lost as TaskClaimLost {
            taskLogger.warning("task claim lost; another runner has it", metadata: ["task": "\(lost.taskId)"])
        } catch let failure as PortFailure where failure.kind == .permanent {
            try await fail(task, token: claimed.token, message: failure.message, logger: taskLogger)
        } catch {
            let message = Self.describe(error)
            if task.attempts >= configuration.maxAttempts {
                try await fail(task, token: claimed.token, message: message, logger: taskLogger)
            } else {
                let delay = backoff(afterAttempt: task.attempts)
                _ = try await TaskTable.postpone(id: task.id, token: claimed.token, until: clock.date.adding(delay), error: message,
                                                 at: clock.date, on: pool)
                observer?.taskFinished(task.kind, outcome: .retried)
                taskLogger.warning("task will be retried", metadata: ["attempt": "\(task.attempts)", "in": "\(delay)", "error": "\(message)"])
            }
        }
    }

    /// Renews the claim every third of the lease while `body` runs; if the claim is lost,
    /// `body` is cancelled and `TaskClaimLost` thrown.
    private func withClaimRenewed(_ task: TaskRecord, token: String, _ body: @escaping @Sendable () async throws -> Void) async throws {
        let lease = configuration.lease
        let waitClock = configuration.waitClock
        try await withThrowingTaskGroup(of: Bool.self) { group in
            group.addTask {
                try await body()
                return true
            }
            group.addTask { [pool, clock] in
                while true {
                    try await waitClock.sleep(for: lease / 3)
                    self.beat()
                    let now = clock.date
                    guard try await TaskTable.renew(id: task.id, token: token, leaseUntil: now.adding(lease), at: now, on: pool) else {
                        return false
                    }
                }
            }
            let finished = try await group.next() ?? false
            group.cancelAll()
            guard finished else { throw TaskClaimLost(taskId: task.id) }
        }
    }

    private func fail(_ task: TaskRecord, token: String, message: String, logger: Logger) async throws {
        let now = clock.date
        let failed = try await pool.withTransaction { transaction in
            // The request's row before the task's, as in `WorkflowService`, so a reject or a
            // return of the same request cannot deadlock with this.
            let status = try await WorkflowTable.lock(id: task.workflowId, on: transaction)?.status
            guard try await TaskTable.finish(id: task.id, token: token, state: .failed, error: message, at: now, on: transaction) else { return false }
            try await AuditTable.record(workflowId: task.workflowId, actor: task.actor, action: .taskFailed, from: status, to: status,
                                        detail: ["task": String(task.id), "kind": task.kind.rawValue, "error": message], at: now, on: transaction)
            return true
        }
        guard failed else { return }
        observer?.taskFinished(task.kind, outcome: .failed)
        logger.error("task failed; a moderator must retry it", metadata: ["attempt": "\(task.attempts)", "error": "\(message)"])
        let summary = TaskFailureSummary(taskId: task.id, kind: task.kind, workflowId: task.workflowId, message: message, attempts: task.attempts)
        do {
            try await notifier.deliver(.taskFailed(summary), deduplicationKey: "task-\(task.id)-failed-\(task.attempts)")
        } catch {
            logger.error("could not tell the moderators about a failed task", metadata: ["error": "\(Self.describe(error))"])
        }
    }

    /// Exponential backoff with jitter: base × 2^(attempt−1), at most the cap, then 50–100 % of that.
    func backoff(afterAttempt attempt: Int) -> Duration {
        ExponentialBackoff(base: configuration.retryBase, cap: configuration.retryCap, jitter: 0.5...1.0).delay(afterAttempt: attempt)
    }

    /// A failure in words a moderator can act on: a port's own message, or a generic phrase for
    /// errors whose text may hold SQL or other internals.
    static func describe(_ error: any Error) -> String {
        switch error {
        case let failure as PortFailure: failure.message
        case let lending as LendingError: lending.description
        case is PostgresError: "the database could not be reached or refused a statement"
        default: "an unexpected error occurred"
        }
    }
}

extension Date {
    func adding(_ duration: Duration) -> Date {
        let (seconds, attoseconds) = duration.components
        return addingTimeInterval(Double(seconds) + Double(attoseconds) / 1e18)
    }
}
