package import Foundation
package import Postgres

/// Row access for `"Workflow"`. `updatedAt` is written here on every change, as Prisma's client
/// would: the schema has no trigger for it.
package enum WorkflowTable {
    package static func insert(_ new: NewWorkflow, at now: Date, on database: some QueryExecutor) async throws -> WorkflowRecord {
        try await database.query(insertion(new, at: now), named: "insert workflow").decodeSingle(as: WorkflowRecord.self)
    }

    /// Queues the same insert in `transaction`; the row is read from the result once the
    /// transaction sent it (with its next statement or its COMMIT). Rows queued after it may refer
    /// to it as `RequestReference.insertedLast`.
    package static func queueInsert(_ new: NewWorkflow, at now: Date, in transaction: Transaction) -> QueuedResult {
        transaction.queueReading(insertion(new, at: now), named: "insert workflow")
    }

    private static func insertion(_ new: NewWorkflow, at now: Date) -> Query {
        """
        INSERT INTO "Workflow" ("applicantDiscordId", "description", "mcVersion", "periodDays", "organizerDiscordId", "serverType",
                                "createdAt", "updatedAt")
        VALUES (\(new.applicantDiscordId), \(new.description), \(new.mcVersion), \(new.periodDays), \(new.organizerDiscordId),
                \(new.serverType), \(now), \(now))
        RETURNING \(unsafeSQL: WorkflowRecord.columns)
        """
    }

    package static func find(id: Int, on database: some QueryExecutor) async throws -> WorkflowRecord? {
        try await database.query(finding(id: id), named: "find workflow").decodeFirst(as: WorkflowRecord.self)
    }

    /// Queues the same read in `transaction`, to travel with its other statements.
    package static func queueFind(id: Int, in transaction: Transaction) -> QueuedResult {
        transaction.queueReading(finding(id: id), named: "find workflow")
    }

    private static func finding(id: Int) -> Query {
        """
        SELECT \(unsafeSQL: WorkflowRecord.columns) FROM "Workflow" WHERE "id" = \(id)
        """
    }

    /// Writes every changeable column of `record`, but only while the row still has `expectedStatus`
    /// (when given): a compare-and-set, so of two racing updates exactly one wins. Returns the stored
    /// row, or nil when no row matched.
    package static func update(_ record: WorkflowRecord, expectedStatus: WorkflowStatus?, at now: Date, on database: some QueryExecutor) async throws -> WorkflowRecord? {
        let result = try await database.query("""
            UPDATE "Workflow" SET
                "applicantDiscordId" = \(record.applicantDiscordId), "description" = \(record.description),
                "mcVersion" = \(record.mcVersion), "periodDays" = \(record.periodDays),
                "organizerDiscordId" = \(record.organizerDiscordId), "status" = \(record.status),
                "pteroServerId" = \(record.pteroServerId), "startDate" = \(record.startDate), "endDate" = \(record.endDate),
                "serverType" = \(record.serverType), "updatedAt" = \(now)
            WHERE "id" = \(record.id) AND (\(expectedStatus)::"WorkflowStatus" IS NULL OR "status" = \(expectedStatus))
            RETURNING \(unsafeSQL: WorkflowRecord.columns)
            """, named: "update workflow")
        return try result.decodeFirst(as: WorkflowRecord.self)
    }

    /// Workflows with `status`, oldest first, `limit` at a time after the id `after` (keyset paging).
    package static func list(status: WorkflowStatus, after: Int = 0, limit: Int = 25, on database: some QueryExecutor) async throws -> [WorkflowRecord] {
        let result = try await database.query("""
            SELECT \(unsafeSQL: WorkflowRecord.columns) FROM "Workflow"
            WHERE "status" = \(status) AND "id" > \(after) ORDER BY "id" LIMIT \(limit)
            """, named: "list workflows by status")
        return try result.decodeAll(as: WorkflowRecord.self)
    }
}
