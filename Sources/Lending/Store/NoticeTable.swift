package import Foundation
package import Postgres

/// Row access for `"WorkflowNotice"`: reminders and expiry notices already sent.
package enum NoticeTable {
    /// Claims the right to send notice `kind` for this end date. Exactly one caller gets true,
    /// however many scheduler instances race; the rest get false.
    package static func claim(workflowId: Int, kind: String, endDate: Date, at now: Date, on database: some QueryExecutor) async throws -> Bool {
        try await database.query("""
            INSERT INTO "WorkflowNotice" ("workflowId", "kind", "endDate", "sentAt") VALUES (\(workflowId), \(kind), \(endDate), \(now))
            ON CONFLICT ("workflowId", "kind", "endDate") DO NOTHING
            """, named: "claim notice").affectedRows == 1
    }

    /// Gives a claim back after the notice could not be sent, so a later tick tries again.
    package static func release(workflowId: Int, kind: String, endDate: Date, on database: some QueryExecutor) async throws {
        try await database.query("""
            DELETE FROM "WorkflowNotice" WHERE "workflowId" = \(workflowId) AND "kind" = \(kind) AND "endDate" = \(endDate)
            """, named: "release notice")
    }

    /// The kinds sent for a workflow, oldest first.
    package static func kinds(workflowId: Int, on database: some QueryExecutor) async throws -> [String] {
        let result = try await database.query("""
            SELECT "kind" FROM "WorkflowNotice" WHERE "workflowId" = \(workflowId) ORDER BY "id"
            """, named: "list notices")
        return try result.rows.map { row throws(PostgresError) in try row.decode("kind") }
    }
}
