import Foundation
public import Postgres

/// One row of `"WorkflowPanelUser"`: a Discord user who gets panel access through a workflow.
public struct WorkflowPanelUserRecord: RowDecodable, Decodable, Equatable {
    public let id: Int
    public let workflowId: Int
    public let discordId: String
}

/// Row access for `"WorkflowPanelUser"`. `discordId` has no foreign key: the user may have no panel
/// account yet.
package enum WorkflowPanelUserTable {
    package static func insert(workflowId: Int, discordId: String, on database: some QueryExecutor) async throws -> WorkflowPanelUserRecord {
        let result = try await database.query("""
            INSERT INTO "WorkflowPanelUser" ("workflowId", "discordId") VALUES (\(workflowId), \(discordId))
            RETURNING "id", "workflowId", "discordId"
            """, named: "insert panel user")
        return try result.decodeSingle(as: WorkflowPanelUserRecord.self)
    }

    /// Adds `discordIds` to the workflow's panel users in one statement, their rows in the order
    /// given (a request's panel users are stored with it, and one round trip per user would be
    /// paid by every member's submission). The ids travel as one JSON array, so no character of
    /// an id can split it.
    package static func insert(workflowId: Int, discordIds: [String], on database: some QueryExecutor) async throws {
        guard let insert = insertion(workflow: .id(workflowId), discordIds: discordIds) else { return }
        try await database.query(insert, named: "insert panel users")
    }

    /// Queues the same rows in `transaction`: they are written with its next statement or its
    /// COMMIT, at no round trip of their own (a filing reads none of them back).
    package static func queueInsert(workflow: RequestReference, discordIds: [String], in transaction: Transaction) {
        guard let insert = insertion(workflow: workflow, discordIds: discordIds) else { return }
        transaction.queue(insert, named: "insert panel users")
    }

    private static func insertion(workflow: RequestReference, discordIds: [String]) -> Query? {
        guard !discordIds.isEmpty else { return nil }
        let list = JSONObject.encode(discordIds)
        return """
            INSERT INTO "WorkflowPanelUser" ("workflowId", "discordId")
            SELECT \(workflow), "user"."discordId" FROM jsonb_array_elements_text(\(list)::jsonb) WITH ORDINALITY AS "user"("discordId", "position")
            ORDER BY "user"."position"
            """
    }

    package static func find(id: Int, on database: some QueryExecutor) async throws -> WorkflowPanelUserRecord? {
        let result = try await database.query("""
            SELECT "id", "workflowId", "discordId" FROM "WorkflowPanelUser" WHERE "id" = \(id)
            """, named: "find panel user")
        return try result.decodeFirst(as: WorkflowPanelUserRecord.self)
    }

    /// The panel users of a workflow, in the order they were added.
    package static func list(workflowId: Int, on database: some QueryExecutor) async throws -> [WorkflowPanelUserRecord] {
        let result = try await database.query("""
            SELECT "id", "workflowId", "discordId" FROM "WorkflowPanelUser" WHERE "workflowId" = \(workflowId) ORDER BY "id"
            """, named: "list panel users")
        return try result.decodeAll(as: WorkflowPanelUserRecord.self)
    }

    /// The panel users of a workflow in the order they were added, each with whether they have a
    /// panel account, in one statement.
    package static func listWithAccounts(workflowId: Int, on database: some QueryExecutor) async throws -> [(discordId: String, hasAccount: Bool)] {
        try withAccounts(from: try await database.query(listingWithAccounts(workflowId: workflowId), named: "list panel users with accounts"))
    }

    /// Queues the same statement in `transaction`; `withAccounts(from:)` reads its result.
    package static func queueListWithAccounts(workflowId: Int, in transaction: Transaction) -> QueuedResult {
        transaction.queueReading(listingWithAccounts(workflowId: workflowId), named: "list panel users with accounts")
    }

    package static func withAccounts(from result: QueryResult) throws -> [(discordId: String, hasAccount: Bool)] {
        try result.rows.map { row in (try row.decode("discordId", as: String.self), try row.decode("hasAccount", as: Bool.self)) }
    }

    private static func listingWithAccounts(workflowId: Int) -> Query {
        """
        SELECT "user"."discordId", "account"."discordId" IS NOT NULL AS "hasAccount"
        FROM "WorkflowPanelUser" AS "user" LEFT JOIN "PterodactylUser" AS "account" ON "account"."discordId" = "user"."discordId"
        WHERE "user"."workflowId" = \(workflowId) ORDER BY "user"."id"
        """
    }

    /// The panel users of several workflows in one query, each workflow's in the order they were added.
    package static func list(workflowIds: [Int], on database: some QueryExecutor) async throws -> [Int: [String]] {
        guard !workflowIds.isEmpty else { return [:] }
        let result = try await database.query("""
            SELECT "id", "workflowId", "discordId" FROM "WorkflowPanelUser"
            WHERE "workflowId" = ANY(string_to_array(\(workflowIds.map(String.init).joined(separator: ",")), ',')::int[]) ORDER BY "id"
            """, named: "list panel users of workflows")
        return Dictionary(grouping: try result.decodeAll(as: WorkflowPanelUserRecord.self), by: \.workflowId).mapValues { $0.map(\.discordId) }
    }

    /// Removes one member from the workflow's panel users; no row, no change.
    package static func delete(workflowId: Int, discordId: String, on database: some QueryExecutor) async throws {
        try await database.query("""
            DELETE FROM "WorkflowPanelUser" WHERE "workflowId" = \(workflowId) AND "discordId" = \(discordId)
            """, named: "delete panel user of workflow")
    }

    /// Makes `discordIds` the workflow's panel users: rows for users no longer named are deleted,
    /// new users are added, and users kept keep their rows. Run it inside a transaction.
    package static func replace(workflowId: Int, discordIds: [String], on database: some QueryExecutor) async throws -> [WorkflowPanelUserRecord] {
        let current = try await list(workflowId: workflowId, on: database)
        let wanted = Set(discordIds)
        for record in current where !wanted.contains(record.discordId) {
            try await database.query("DELETE FROM \"WorkflowPanelUser\" WHERE \"id\" = \(record.id)", named: "delete panel user")
        }
        var kept = Set(current.map(\.discordId))
        let added = discordIds.filter { kept.insert($0).inserted }
        try await insert(workflowId: workflowId, discordIds: added, on: database)
        return try await list(workflowId: workflowId, on: database)
    }
}
