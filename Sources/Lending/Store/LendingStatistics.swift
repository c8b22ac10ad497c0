public import Postgres

/// How many requests stand in each status, how much of the pool is free and how many tasks wait:
/// what `/metrics` shows as gauges, read in one statement so the numbers agree with each other.
public struct LendingStatistics: Sendable, Equatable {
    /// Requests by status; every status is present, 0 when none has it.
    public var workflows: [WorkflowStatus: Int]
    /// Bindings of the pool that no PENDING or ACTIVE request and no open task holds (the
    /// allocator's own definition of free).
    public var freeServers: Int
    /// Tasks QUEUED: waiting to run, or running.
    public var queuedTasks: Int
    /// Tasks FAILED for good: each waits for a moderator's retry.
    public var failedTasks: Int

    public init(workflows: [WorkflowStatus: Int] = [:], freeServers: Int = 0, queuedTasks: Int = 0, failedTasks: Int = 0) {
        self.workflows = Dictionary(uniqueKeysWithValues: WorkflowStatus.allCases.map { ($0, workflows[$0] ?? 0) })
        self.freeServers = freeServers
        self.queuedTasks = queuedTasks
        self.failedTasks = failedTasks
    }

    public static func read(on database: some QueryExecutor) async throws -> LendingStatistics {
        let result = try await database.query("""
            SELECT
              (SELECT count(*) FROM "Workflow" WHERE "status" = 'PENDING')::int AS "pending",
              (SELECT count(*) FROM "Workflow" WHERE "status" = 'REJECTED')::int AS "rejected",
              (SELECT count(*) FROM "Workflow" WHERE "status" = 'ACTIVE')::int AS "active",
              (SELECT count(*) FROM "Workflow" WHERE "status" = 'RETURNED')::int AS "returned",
              (SELECT count(*) FROM "ServerBinding" b WHERE \(unsafeSQL: ServerAllocator.isFree))::int AS "free",
              (SELECT count(*) FROM "LendingTask" WHERE "state" = 'QUEUED')::int AS "queued",
              (SELECT count(*) FROM "LendingTask" WHERE "state" = 'FAILED')::int AS "failed"
            """, named: "read lending statistics")
        guard let row = result.first else { return LendingStatistics() }
        return LendingStatistics(
            workflows: [.pending: try row.decode("pending"), .rejected: try row.decode("rejected"), .active: try row.decode("active"),
                        .returned: try row.decode("returned")],
            freeServers: try row.decode("free"), queuedTasks: try row.decode("queued"), failedTasks: try row.decode("failed"))
    }
}
