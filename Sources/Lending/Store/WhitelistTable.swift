import Foundation
import Postgres

/// Row access for `"WorkflowWhitelist"`: the players put on a loan's whitelist from Discord.
enum WhitelistTable {
    /// Puts the player on the loan's list (again, if they were taken off). False when they are on
    /// it already.
    static func add(workflowId: Int, player: String, by member: String, at now: Date, on database: some QueryExecutor) async throws -> Bool {
        try await database.query("""
            INSERT INTO "WorkflowWhitelist" ("workflowId", "player", "playerKey", "addedBy", "addedAt")
            VALUES (\(workflowId), \(player), \(player.lowercased()), \(member), \(now))
            ON CONFLICT ("workflowId", "playerKey") DO UPDATE
            SET "player" = EXCLUDED."player", "addedBy" = EXCLUDED."addedBy", "addedAt" = EXCLUDED."addedAt", "removedAt" = NULL
            WHERE "WorkflowWhitelist"."removedAt" IS NOT NULL
            """, named: "whitelist add").affectedRows == 1
    }

    /// Takes the player off the loan's list. False when they were not on it.
    static func remove(workflowId: Int, player: String, at now: Date, on database: some QueryExecutor) async throws -> Bool {
        try await database.query("""
            UPDATE "WorkflowWhitelist" SET "removedAt" = \(now)
            WHERE "workflowId" = \(workflowId) AND "playerKey" = \(player.lowercased()) AND "removedAt" IS NULL
            """, named: "whitelist remove").affectedRows == 1
    }

    /// The players on the loan's list, in the order they were added.
    static func players(workflowId: Int, on database: some QueryExecutor) async throws -> [String] {
        let result = try await database.query("""
            SELECT "player" FROM "WorkflowWhitelist" WHERE "workflowId" = \(workflowId) AND "removedAt" IS NULL ORDER BY "addedAt", "id"
            """, named: "whitelist list")
        return try result.rows.map { row in try row.decode("player") }
    }
}
