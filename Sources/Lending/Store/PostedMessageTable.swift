import Foundation
import Postgres

/// Row access for `"PostedMessage"`. Internal: the rest of the bot goes through `PostedMessages`.
enum PostedMessageTable {
    /// Records a posted message; recording the same message again (a notice retried, whose nonce
    /// made Discord answer with the message it already had) changes nothing.
    static func insert(_ message: PostedMessage, at now: Date, on database: some QueryExecutor) async throws {
        try await database.query("""
            INSERT INTO "PostedMessage" ("workflowId", "purpose", "channelId", "messageId", "headline", "postedAt")
            VALUES (\(message.workflowId), \(message.purpose.rawValue), \(message.channelId), \(message.messageId), \(message.headline), \(now))
            ON CONFLICT ("channelId", "messageId") DO NOTHING
            """, named: "record posted message")
    }

    /// The messages of this purpose about a workflow that may still change, oldest first.
    static func unsettled(workflowId: Int, purpose: PostedMessage.Purpose, on database: some QueryExecutor) async throws -> [PostedMessage] {
        let result = try await database.query("""
            SELECT "workflowId", "purpose", "channelId", "messageId", "headline" FROM "PostedMessage"
            WHERE "workflowId" = \(workflowId) AND "purpose" = \(purpose.rawValue) AND "settledAt" IS NULL
            ORDER BY "id"
            """, named: "list unsettled posted messages")
        return try result.rows.map { row in
            PostedMessage(workflowId: try row.decode("workflowId"), purpose: purpose, channelId: try row.decode("channelId"),
                          messageId: try row.decode("messageId"), headline: try row.decode("headline"))
        }
    }

    static func settle(channelId: String, messageId: String, at now: Date, on database: some QueryExecutor) async throws {
        try await database.query("""
            UPDATE "PostedMessage" SET "settledAt" = \(now)
            WHERE "channelId" = \(channelId) AND "messageId" = \(messageId) AND "settledAt" IS NULL
            """, named: "settle posted message")
    }
}
