package import Foundation
package import Postgres

/// Row access for `"PasswordReset"`: one row per `/mcserver reset-password` a member asked for.
package enum PasswordResetTable {
    package static func insert(discordId: String, at now: Date, on database: some QueryExecutor) async throws {
        try await database.query("""
            INSERT INTO "PasswordReset" ("discordId", "createdAt") VALUES (\(discordId), \(now))
            """, named: "insert password reset")
    }

    /// When `discordId` asked since `since`, oldest first.
    package static func list(discordId: String, since: Date, on database: some QueryExecutor) async throws -> [Date] {
        let result = try await database.query("""
            SELECT "createdAt" FROM "PasswordReset" WHERE "discordId" = \(discordId) AND "createdAt" > \(since) ORDER BY "createdAt"
            """, named: "list recent password resets")
        return try result.rows.map { try $0.decode("createdAt") }
    }
}
