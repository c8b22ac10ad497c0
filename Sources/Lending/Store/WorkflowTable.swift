package import Foundation
package import Postgres

/// Row access for `"Workflow"`. `updatedAt` is written here on every change, as Prisma's client
/// would: the schema has no trigger for it.
package enum WorkflowTable {
    package static func insert(_ new: NewWorkflow, at now: Date, on database: some QueryExecutor) async throws -> WorkflowRecord {
        let result = try await database.query("""
            INSERT INTO "Workflow" ("applicantDiscordId", "description", "mcVersion", "periodDays", "organizerDiscordId", "serverType",
                                    "createdAt", "updatedAt")
            VALUES (\(new.applicantDiscordId), \(new.description), \(new.mcVersion), \(new.periodDays), \(new.organizerDiscordId),
                    \(new.serverType), \(now), \(now))
            RETURNING \(unsafeSQL: WorkflowRecord.columns)
            """, named: "insert workflow")
        return try result.decodeSingle(as: WorkflowRecord.self)
    }

    package static func find(id: Int, on database: some QueryExecutor) async throws -> WorkflowRecord? {
        let result = try await database.query("""
            SELECT \(unsafeSQL: WorkflowRecord.columns) FROM "Workflow" WHERE "id" = \(id)
            """, named: "find workflow")
        return try result.decodeFirst(as: WorkflowRecord.self)
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
