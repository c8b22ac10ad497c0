public import Postgres

/// The requests one member takes part in, for `/mcserver mine`.
extension WorkflowTable {
    /// The requests `member` filed, organizes or is a panel user of, the most relevant first:
    /// ACTIVE loans by the soonest end, then PENDING requests oldest first, then the decided ones
    /// newest first; at most `limit`.
    package static func involving(_ member: String, limit: Int, on database: some QueryExecutor) async throws -> [WorkflowRecord] {
        let result = try await database.query("""
            SELECT \(unsafeSQL: WorkflowRecord.columns) FROM "Workflow"
            WHERE "applicantDiscordId" = \(member) OR "organizerDiscordId" = \(member)
               OR "id" IN (SELECT "workflowId" FROM "WorkflowPanelUser" WHERE "discordId" = \(member))
            ORDER BY CASE "status" WHEN 'ACTIVE' THEN 0 WHEN 'PENDING' THEN 1 ELSE 2 END,
                     CASE WHEN "status" = 'ACTIVE' THEN "endDate" END ASC NULLS LAST,
                     CASE WHEN "status" = 'PENDING' THEN "id" END ASC,
                     "updatedAt" DESC, "id" DESC
            LIMIT \(limit)
            """, named: "list workflows of member")
        return try result.decodeAll(as: WorkflowRecord.self)
    }

    /// How many requests `member` takes part in, as `involving` counts them.
    package static func countInvolving(_ member: String, on database: some QueryExecutor) async throws -> Int {
        let result = try await database.query("""
            SELECT count(*)::int AS "n" FROM "Workflow"
            WHERE "applicantDiscordId" = \(member) OR "organizerDiscordId" = \(member)
               OR "id" IN (SELECT "workflowId" FROM "WorkflowPanelUser" WHERE "discordId" = \(member))
            """, named: "count workflows of member")
        return try result.rows.first?.decode("n") ?? 0
    }

    /// The ACTIVE loans `member` organizes or is a panel user of, in id order: the loans whose
    /// whitelist they keep.
    package static func active(organizedOrUsedBy member: String, on database: some QueryExecutor) async throws -> [WorkflowRecord] {
        let result = try await database.query("""
            SELECT \(unsafeSQL: WorkflowRecord.columns) FROM "Workflow"
            WHERE "status" = 'ACTIVE' AND ("organizerDiscordId" = \(member)
               OR "id" IN (SELECT "workflowId" FROM "WorkflowPanelUser" WHERE "discordId" = \(member)))
            ORDER BY "id"
            """, named: "list active loans of member")
        return try result.decodeAll(as: WorkflowRecord.self)
    }

    /// The PENDING requests `member` filed or organizes, oldest first.
    package static func pending(filedOrOrganizedBy member: String, on database: some QueryExecutor) async throws -> [WorkflowRecord] {
        let result = try await database.query("""
            SELECT \(unsafeSQL: WorkflowRecord.columns) FROM "Workflow"
            WHERE "status" = 'PENDING' AND ("applicantDiscordId" = \(member) OR "organizerDiscordId" = \(member))
            ORDER BY "id"
            """, named: "list pending workflows of member")
        return try result.decodeAll(as: WorkflowRecord.self)
    }
}
