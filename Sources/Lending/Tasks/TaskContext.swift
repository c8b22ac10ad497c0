import Clocks
public import Foundation
public import Logging
public import Postgres

/// What a task handler works with: its task, its input, and steps that are done at most once.
///
/// A step whose name is recorded for the task is skipped on every later attempt, so a task
/// resumed after a crash picks up after its last recorded step. A step is recorded only while
/// this runner still holds the task's claim; a runner that lost it (its claim lapsed and another
/// runner took the task) stops at its next step with `TaskClaimLost`.
public struct TaskContext: Sendable {
    public let task: TaskRecord
    /// The task's input, read when it was claimed.
    public let input: TaskInput
    let token: String
    let pool: PostgresPool
    let clock: BotClock
    public let logger: Logger

    /// Runs `body` unless the step was done before, records what it returns, and returns that
    /// (or what was recorded the first time).
    @discardableResult
    public func step(_ step: TaskStep, _ body: () async throws -> [String: String]) async throws -> [String: String] {
        if let done = try await TaskStepTable.find(taskId: task.id, step: step, on: pool) { return done }
        try Task.checkCancellation()
        let detail = try await body()
        guard try await TaskStepTable.record(taskId: task.id, token: token, step: step, detail: detail, at: clock.date, on: pool) else {
            throw TaskClaimLost(taskId: task.id)
        }
        logger.debug("task step done", metadata: ["task": "\(task.id)", "step": "\(step.name)"])
        return detail
    }

    /// A step that only writes to the database: `body`'s writes and the step's record commit
    /// together or not at all.
    @discardableResult
    public func databaseStep(_ step: TaskStep, _ body: (Transaction) async throws -> [String: String]) async throws -> [String: String] {
        if let done = try await TaskStepTable.find(taskId: task.id, step: step, on: pool) { return done }
        try Task.checkCancellation()
        let now = clock.date
        return try await pool.withTransaction { transaction in
            let detail = try await body(transaction)
            guard try await TaskStepTable.record(taskId: task.id, token: token, step: step, detail: detail, at: now, on: transaction) else {
                throw TaskClaimLost(taskId: task.id)
            }
            return detail
        }
    }

    /// The current time on the workflow's clock.
    public var now: Date { clock.date }
}

/// This runner no longer holds the task: another runner has it, or it was finished elsewhere.
public struct TaskClaimLost: Error, Sendable, Equatable {
    public let taskId: Int
}

/// Runs one kind of task. Handlers are idempotent step by step (see `TaskContext`).
public protocol TaskHandler: Sendable {
    func run(_ context: TaskContext) async throws
}
