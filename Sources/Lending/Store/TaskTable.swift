public import Foundation
public import Postgres

/// One row of `"LendingTask"`.
public struct TaskRecord: RowDecodable, Equatable {
    public let id: Int
    public let kind: TaskKind
    public let workflowId: Int
    public let pteroServerId: String
    public let state: TaskState
    /// Discord user id of whoever caused the task, or `AuditEntry.scheduler`.
    public let actor: String
    /// What the task was asked to do, decoded once from the stored JSON of any version this bot
    /// reads; a failure when no release it knows wrote it (the runner fails such a task).
    public let input: Result<TaskInput, TaskInputError>
    public let attempts: Int
    public let runAfter: Date
    public let claimToken: String?
    public let claimExpiresAt: Date?
    public let lastError: String?
    public let createdAt: Date
    public let updatedAt: Date
    public let finishedAt: Date?

    static let columns = """
        "id", "kind", "workflowId", "pteroServerId", "state", "actor", "input"::text AS "input", "attempts", "runAfter",
        "claimToken", "claimExpiresAt", "lastError", "createdAt", "updatedAt", "finishedAt"
        """

    public init(row: Row) throws(PostgresError) {
        id = try row.decode("id")
        kind = try row.decode("kind")
        workflowId = try row.decode("workflowId")
        pteroServerId = try row.decode("pteroServerId")
        state = try row.decode("state")
        actor = try row.decode("actor")
        input = TaskInput.decode(kind: kind, stored: try row.decode("input"))
        attempts = try row.decode("attempts")
        runAfter = try row.decode("runAfter")
        claimToken = try row.decode("claimToken")
        claimExpiresAt = try row.decode("claimExpiresAt")
        lastError = try row.decode("lastError")
        createdAt = try row.decode("createdAt")
        updatedAt = try row.decode("updatedAt")
        finishedAt = try row.decode("finishedAt")
    }

    /// The input of an approval whose input could be read.
    public var approvalInput: ApprovalInput? {
        if case .success(.approve(let input)) = input { input } else { nil }
    }

    /// The usernames this task's input holds for accounts it creates: an approval's or a
    /// panel-user change's.
    public var heldUsernames: [String] {
        switch input {
        case .success(.approve(let input)): Array(input.usernames.values)
        case .success(.panelUsers(let input)): Array(input.usernames.values)
        default: []
        }
    }
}

/// Row access for `"LendingTask"`. A task is QUEUED until it succeeds, fails for good or is
/// cancelled; while QUEUED it is claimed by one runner at a time through a random token and an
/// expiry, so a runner that dies loses its claim and another picks the task up.
package enum TaskTable {
    /// Queues a task of the input's kind, its input stored in the current version. A second open
    /// task for the same workflow violates `"LendingTask_workflowId_open_key"`.
    package static func insert(_ input: TaskInput, workflowId: Int, pteroServerId: String, actor: String,
                              at now: Date, on database: some QueryExecutor) async throws -> TaskRecord {
        let result = try await database.query("""
            INSERT INTO "LendingTask" ("kind", "workflowId", "pteroServerId", "actor", "input", "runAfter", "createdAt", "updatedAt")
            VALUES (\(input.kind), \(workflowId), \(pteroServerId), \(actor), \(input.stored)::jsonb, \(now), \(now), \(now))
            RETURNING \(unsafeSQL: TaskRecord.columns)
            """, named: "insert task")
        return try result.decodeSingle(as: TaskRecord.self)
    }

    package static func find(id: Int, on database: some QueryExecutor) async throws -> TaskRecord? {
        let result = try await database.query("""
            SELECT \(unsafeSQL: TaskRecord.columns) FROM "LendingTask" WHERE "id" = \(id)
            """, named: "find task")
        return try result.decodeFirst(as: TaskRecord.self)
    }

    /// The workflow's open (QUEUED or FAILED) task, if any.
    package static func open(workflowId: Int, on database: some QueryExecutor) async throws -> TaskRecord? {
        let result = try await database.query("""
            SELECT \(unsafeSQL: TaskRecord.columns) FROM "LendingTask"
            WHERE "workflowId" = \(workflowId) AND "state" IN ('QUEUED', 'FAILED')
            """, named: "find open task")
        return try result.decodeFirst(as: TaskRecord.self)
    }

    /// Every open (QUEUED or FAILED) approval and panel-user change, oldest first: the usernames
    /// their inputs hold are reserved. There are few: each works on a server of the pool.
    package static func openApprovals(on database: some QueryExecutor) async throws -> [TaskRecord] {
        let result = try await database.query("""
            SELECT \(unsafeSQL: TaskRecord.columns) FROM "LendingTask"
            WHERE "kind" IN ('APPROVE', 'PANEL_USERS') AND "state" IN ('QUEUED', 'FAILED') ORDER BY "id"
            """, named: "list open approvals")
        return try result.decodeAll(as: TaskRecord.self)
    }

    /// The workflow of an open task working on a panel server, if any: such a server is not free.
    package static func workflowWorking(on pteroServerId: String, on database: some QueryExecutor) async throws -> Int? {
        let result = try await database.query("""
            SELECT "workflowId" FROM "LendingTask" WHERE "pteroServerId" = \(pteroServerId) AND "state" IN ('QUEUED', 'FAILED') LIMIT 1
            """, named: "find open task on server")
        return try result.first?.decode("workflowId")
    }

    /// Every task of a workflow, oldest first.
    package static func list(workflowId: Int, on database: some QueryExecutor) async throws -> [TaskRecord] {
        let result = try await database.query("""
            SELECT \(unsafeSQL: TaskRecord.columns) FROM "LendingTask" WHERE "workflowId" = \(workflowId) ORDER BY "id"
            """, named: "list tasks of workflow")
        return try result.decodeAll(as: TaskRecord.self)
    }

    /// Claims the oldest due task that nobody holds (or whose holder's claim lapsed): counts an
    /// attempt and sets a new token and expiry. Rows locked by another claimer are skipped, so
    /// concurrent runners never wait on each other or take the same task.
    package static func claimNext(token: String, leaseUntil: Date, at now: Date, on database: some QueryExecutor) async throws -> TaskRecord? {
        let result = try await database.query("""
            UPDATE "LendingTask" SET "claimToken" = \(token), "claimExpiresAt" = \(leaseUntil),
                "attempts" = "attempts" + 1, "updatedAt" = \(now)
            WHERE "id" = (
                SELECT "id" FROM "LendingTask"
                WHERE "state" = 'QUEUED' AND "runAfter" <= \(now) AND ("claimExpiresAt" IS NULL OR "claimExpiresAt" < \(now))
                ORDER BY "runAfter", "id" LIMIT 1 FOR UPDATE SKIP LOCKED)
            RETURNING \(unsafeSQL: TaskRecord.columns)
            """, named: "claim task")
        return try result.decodeFirst(as: TaskRecord.self)
    }

    /// Extends a claim still held under `token`; false when it was lost.
    package static func renew(id: Int, token: String, leaseUntil: Date, at now: Date, on database: some QueryExecutor) async throws -> Bool {
        try await database.query("""
            UPDATE "LendingTask" SET "claimExpiresAt" = \(leaseUntil), "updatedAt" = \(now)
            WHERE "id" = \(id) AND "claimToken" = \(token) AND "state" = 'QUEUED'
            """, named: "renew task claim").affectedRows == 1
    }

    /// Ends a claimed task in `state` (SUCCEEDED or FAILED); false when the claim was lost.
    package static func finish(id: Int, token: String, state: TaskState, error: String?, at now: Date, on database: some QueryExecutor) async throws -> Bool {
        try await database.query("""
            UPDATE "LendingTask" SET "state" = \(state), "lastError" = \(error), "claimToken" = NULL, "claimExpiresAt" = NULL,
                "finishedAt" = \(now), "updatedAt" = \(now)
            WHERE "id" = \(id) AND "claimToken" = \(token) AND "state" = 'QUEUED'
            """, named: "finish task").affectedRows == 1
    }

    /// Releases a claimed task to run again at `runAfter`; false when the claim was lost.
    package static func postpone(id: Int, token: String, until runAfter: Date, error: String, at now: Date, on database: some QueryExecutor) async throws -> Bool {
        try await database.query("""
            UPDATE "LendingTask" SET "runAfter" = \(runAfter), "lastError" = \(error), "claimToken" = NULL, "claimExpiresAt" = NULL,
                "updatedAt" = \(now)
            WHERE "id" = \(id) AND "claimToken" = \(token) AND "state" = 'QUEUED'
            """, named: "postpone task").affectedRows == 1
    }

    /// FAILED → QUEUED with a fresh attempt count; nil when the task is not FAILED.
    package static func requeue(id: Int, at now: Date, on database: some QueryExecutor) async throws -> TaskRecord? {
        let result = try await database.query("""
            UPDATE "LendingTask" SET "state" = 'QUEUED', "attempts" = 0, "runAfter" = \(now), "finishedAt" = NULL, "updatedAt" = \(now)
            WHERE "id" = \(id) AND "state" = 'FAILED'
            RETURNING \(unsafeSQL: TaskRecord.columns)
            """, named: "requeue task")
        return try result.decodeFirst(as: TaskRecord.self)
    }

    /// FAILED → CANCELLED; false when the task is not FAILED.
    package static func cancel(id: Int, at now: Date, on database: some QueryExecutor) async throws -> Bool {
        try await database.query("""
            UPDATE "LendingTask" SET "state" = 'CANCELLED', "finishedAt" = \(now), "updatedAt" = \(now)
            WHERE "id" = \(id) AND "state" = 'FAILED'
            """, named: "cancel task").affectedRows == 1
    }
}
