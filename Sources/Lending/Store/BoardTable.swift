import Foundation
import Postgres

/// Row access for `"Board"`: which message is the board of a channel. Internal: the rest of the
/// bot goes through `BoardMessages`.
enum BoardTable {
    static func messageId(channelId: String, on database: some QueryExecutor) async throws -> String? {
        let result = try await database.query("""
            SELECT "messageId" FROM "Board" WHERE "channelId" = \(channelId)
            """, named: "find board message")
        return try result.rows.first.map { try $0.decode("messageId", as: String.self) }
    }

    /// Stores the channel's board message, replacing the one it had (posted anew after a deletion).
    static func store(channelId: String, messageId: String, at now: Date, on database: some QueryExecutor) async throws {
        try await database.query("""
            INSERT INTO "Board" ("channelId", "messageId", "updatedAt") VALUES (\(channelId), \(messageId), \(now))
            ON CONFLICT ("channelId") DO UPDATE SET "messageId" = EXCLUDED."messageId", "updatedAt" = EXCLUDED."updatedAt"
            """, named: "store board message")
    }
}
