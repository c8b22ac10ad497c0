public import Foundation
public import Postgres

/// One row of `"WorkflowAudit"`: who changed a request, how and when.
public struct AuditEntry: RowDecodable, Equatable {
    public let id: Int
    public let workflowId: Int
    /// Discord user id, or `AuditEntry.scheduler`.
    public let actor: String
    public let action: AuditAction
    public let fromStatus: WorkflowStatus?
    public let toStatus: WorkflowStatus?
    public let detail: [String: String]
    public let createdAt: Date

    /// The actor of changes the scheduler makes.
    public static let scheduler = "scheduler"

    static let columns = #""id", "workflowId", "actor", "action", "fromStatus", "toStatus", "detail"::text AS "detail", "createdAt""#

    public init(row: Row) throws(PostgresError) {
        id = try row.decode("id")
        workflowId = try row.decode("workflowId")
        actor = try row.decode("actor")
        let action: String = try row.decode("action")
        guard let known = AuditAction(rawValue: action) else { throw PostgresError(.decoding(column: "action"), operation: "decode audit entry", message: "unknown audit action") }
        self.action = known
        fromStatus = try row.decode("fromStatus")
        toStatus = try row.decode("toStatus")
        detail = JSONObject.decode(try row.decode("detail"))
        createdAt = try row.decode("createdAt")
    }
}

/// What an audit row records.
public enum AuditAction: String, Sendable, CaseIterable {
    /// A member filed the request (∅ → PENDING).
    case request
    /// A moderator approved; a server is reserved and the approval task queued (PENDING).
    case approvalRequested = "approval-requested"
    /// The approval task finished (PENDING → ACTIVE).
    case approve
    case reject
    /// The applicant or organizer withdrew their own PENDING request (PENDING → REJECTED).
    case withdraw
    case extend
    /// A moderator changed the purpose, version or (PENDING only) period; the status stays.
    case edit
    /// Someone asked for the loan back; the return task queued (ACTIVE).
    case returnRequested = "return-requested"
    /// The return task finished (ACTIVE → RETURNED).
    case `return`
    /// A task failed for good.
    case taskFailed = "task-failed"
    /// A moderator retried a failed task.
    case retry
    /// A player put on, or taken off, a loan's whitelist (`detail.player`).
    case whitelistAdd = "whitelist-add"
    case whitelistRemove = "whitelist-remove"
    /// A moderator sent a power signal to the loan's server (`detail.signal`, `detail.server`).
    case serverPower = "server-power"
    /// A moderator changed the panel users (`detail.added`, `detail.removed`, `detail.panelUsers`,
    /// and an ACTIVE loan's `detail.task`).
    case panelUsers = "panel-users"
    /// A moderator started a backup of the loan's server (`detail.server`, `detail.backup`, `detail.name`).
    case serverBackup = "server-backup"
    /// A moderator lent a server directly, without a member's request (∅ → PENDING, then approved
    /// by the same moderator at once): `detail.organizer`, `detail.panelUsers`, `detail.server`.
    case directLoan = "direct-loan"
}

/// Row access for `"WorkflowAudit"`. Rows are only ever added, in the transaction of the change
/// they describe.
package enum AuditTable {
    @discardableResult
    package static func record(workflowId: Int, actor: String, action: AuditAction, from: WorkflowStatus?, to: WorkflowStatus?,
                              detail: [String: String] = [:], at now: Date, on database: some QueryExecutor) async throws -> AuditEntry {
        let insert = insertion(workflow: .id(workflowId), actor: actor, action: action, from: from, to: to, detail: detail, at: now)
        return try await database.query(insert, named: "insert audit entry").decodeSingle(as: AuditEntry.self)
    }

    /// Queues the same row in `transaction`, for a caller that does not read it back: it is
    /// written with the transaction's next statement or its COMMIT, at no round trip of its own.
    package static func queueRecord(workflow: RequestReference, actor: String, action: AuditAction, from: WorkflowStatus?, to: WorkflowStatus?,
                                   detail: [String: String] = [:], at now: Date, in transaction: Transaction) {
        let insert = insertion(workflow: workflow, actor: actor, action: action, from: from, to: to, detail: detail, at: now)
        transaction.queue(insert, named: "insert audit entry")
    }

    private static func insertion(workflow: RequestReference, actor: String, action: AuditAction, from: WorkflowStatus?, to: WorkflowStatus?,
                                  detail: [String: String], at now: Date) -> Query {
        """
        INSERT INTO "WorkflowAudit" ("workflowId", "actor", "action", "fromStatus", "toStatus", "detail", "createdAt")
        VALUES (\(workflow), \(actor), \(action.rawValue), \(from), \(to), \(JSONObject.encode(detail))::jsonb, \(now))
        RETURNING \(unsafeSQL: AuditEntry.columns)
        """
    }

    /// A request's history, oldest first.
    package static func list(workflowId: Int, on database: some QueryExecutor) async throws -> [AuditEntry] {
        let result = try await database.query("""
            SELECT \(unsafeSQL: AuditEntry.columns) FROM "WorkflowAudit" WHERE "workflowId" = \(workflowId) ORDER BY "id"
            """, named: "list audit entries")
        return try result.decodeAll(as: AuditEntry.self)
    }

    /// How many times the organizer extended the loan themselves: `extend` rows carrying the
    /// `days` their own extension adds (a moderator's carry the `date` they chose).
    package static func selfExtensions(workflowId: Int, on database: some QueryExecutor) async throws -> Int {
        let result = try await database.query("""
            SELECT count(*)::int AS "n" FROM "WorkflowAudit"
            WHERE "workflowId" = \(workflowId) AND "action" = \(AuditAction.extend.rawValue) AND ("detail" ->> 'days') IS NOT NULL
            """, named: "count self-extensions")
        return try result.rows.first?.decode("n") ?? 0
    }

    /// The newest entry of one of `actions`, to say who got there first.
    package static func latest(workflowId: Int, actions: [AuditAction], on database: some QueryExecutor) async throws -> AuditEntry? {
        let result = try await database.query("""
            SELECT \(unsafeSQL: AuditEntry.columns) FROM "WorkflowAudit"
            WHERE "workflowId" = \(workflowId) AND "action" = ANY(string_to_array(\(actions.map(\.rawValue).joined(separator: ",")), ','))
            ORDER BY "id" DESC LIMIT 1
            """, named: "latest audit entry")
        return try result.decodeFirst(as: AuditEntry.self)
    }
}
