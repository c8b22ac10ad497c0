import Foundation
import Postgres

/// Row access for `"NoticeOutbox"`. Internal: the rest of the bot goes through `NoticeOutbox`.
package enum OutboxTable {
    /// A queued notice, as a delivery reads it.
    package struct Row: Sendable {
        package let id: Int
        package let workflowId: Int
        package let key: String
        package let entry: String
        package let attempts: Int
    }

    private static let columns = #""id", "workflowId", "key", "entry"::text AS "entry", "attempts""#

    /// Queues a notice, held by the caller until `heldUntil` (it delivers it right after its
    /// commit; the scheduler takes it over only if that did not happen). A key already queued
    /// queues nothing: nil.
    static func insert(workflowId: Int, key: String, entry: OutboxEntry, at now: Date, heldUntil: Date,
                       on database: some QueryExecutor) async throws -> Row? {
        let result = try await database.query("""
            INSERT INTO "NoticeOutbox" ("workflowId", "key", "entry", "nextAttemptAt", "createdAt")
            VALUES (\(workflowId), \(key), \(entry.stored)::jsonb, \(heldUntil), \(now))
            ON CONFLICT ("key") DO NOTHING
            RETURNING \(unsafeSQL: columns)
            """, named: "queue notice")
        return try result.rows.first.map(row)
    }

    /// Queues the same row in `transaction` for a caller that reads nothing back, its key
    /// `keyPrefix` followed by the request's id ("filed-12"): it is written with the transaction's
    /// next statement or its COMMIT, so the request may be one inserted in that round trip.
    static func queueInsert(workflow: RequestReference, keyPrefix: String, entry: OutboxEntry, at now: Date, heldUntil: Date,
                            in transaction: Transaction) {
        transaction.queue("""
            INSERT INTO "NoticeOutbox" ("workflowId", "key", "entry", "nextAttemptAt", "createdAt")
            VALUES (\(workflow), \(keyPrefix) || \(workflow), \(entry.stored)::jsonb, \(heldUntil), \(now))
            ON CONFLICT ("key") DO NOTHING
            """, named: "queue notice")
    }

    /// The undelivered notice under `key`, whoever holds it.
    static func pending(key: String, on database: some QueryExecutor) async throws -> Row? {
        let result = try await database.query("""
            SELECT \(unsafeSQL: columns) FROM "NoticeOutbox"
            WHERE "key" = \(key) AND "deliveredAt" IS NULL AND "abandonedAt" IS NULL
            """, named: "find queued notice")
        return try result.rows.first.map(row)
    }

    /// Takes up to `limit` notices that are due, oldest first, holding each until `heldUntil`;
    /// two instances never take the same one.
    static func claimDue(at now: Date, heldUntil: Date, limit: Int, on database: some QueryExecutor) async throws -> [Row] {
        let result = try await database.query("""
            UPDATE "NoticeOutbox" SET "nextAttemptAt" = \(heldUntil)
            WHERE "id" IN (
                SELECT "id" FROM "NoticeOutbox"
                WHERE "deliveredAt" IS NULL AND "abandonedAt" IS NULL AND "nextAttemptAt" <= \(now)
                ORDER BY "id" LIMIT \(limit) FOR UPDATE SKIP LOCKED)
            RETURNING \(unsafeSQL: columns)
            """, named: "claim due notices")
        return try result.rows.map(row).sorted { $0.id < $1.id }
    }

    static func markDelivered(id: Int, at now: Date, on database: some QueryExecutor) async throws {
        try await database.query("""
            UPDATE "NoticeOutbox" SET "deliveredAt" = \(now), "attempts" = "attempts" + 1 WHERE "id" = \(id)
            """, named: "mark notice delivered")
    }

    static func markFailed(id: Int, error: String, nextAttemptAt: Date, on database: some QueryExecutor) async throws {
        try await database.query("""
            UPDATE "NoticeOutbox" SET "attempts" = "attempts" + 1, "lastError" = \(error), "nextAttemptAt" = \(nextAttemptAt)
            WHERE "id" = \(id)
            """, named: "mark notice failed")
    }

    static func markAbandoned(id: Int, error: String, at now: Date, on database: some QueryExecutor) async throws {
        try await database.query("""
            UPDATE "NoticeOutbox" SET "attempts" = "attempts" + 1, "lastError" = \(error), "abandonedAt" = \(now) WHERE "id" = \(id)
            """, named: "abandon notice")
    }

    private static func row(_ row: Postgres.Row) throws -> Row {
        Row(id: try row.decode("id"), workflowId: try row.decode("workflowId"), key: try row.decode("key"),
            entry: try row.decode("entry"), attempts: try row.decode("attempts"))
    }
}
