public import Foundation
public import Postgres

/// One row of `"PterodactylUser"`: the panel account the bot made for a Discord user.
public struct PterodactylUserRecord: RowDecodable, Decodable, Equatable {
    public let discordId: String
    public var username: String
    public var email: String
    public let createdAt: Date
}

/// Row access for `"PterodactylUser"`. Usernames and emails are unique: a clash surfaces as a
/// `PostgresError` with SQLSTATE 23505 and the constraint's name.
package enum PterodactylUserTable {
    package static func insert(discordId: String, username: String, email: String, at now: Date, on database: some QueryExecutor) async throws -> PterodactylUserRecord {
        let result = try await database.query("""
            INSERT INTO "PterodactylUser" ("discordId", "username", "email", "createdAt") VALUES (\(discordId), \(username), \(email), \(now))
            RETURNING "discordId", "username", "email", "createdAt"
            """, named: "insert panel account")
        return try result.decodeSingle(as: PterodactylUserRecord.self)
    }

    package static func find(discordId: String, on database: some QueryExecutor) async throws -> PterodactylUserRecord? {
        let result = try await database.query("""
            SELECT "discordId", "username", "email", "createdAt" FROM "PterodactylUser" WHERE "discordId" = \(discordId)
            """, named: "find panel account")
        return try result.decodeFirst(as: PterodactylUserRecord.self)
    }

    package static func find(username: String, on database: some QueryExecutor) async throws -> PterodactylUserRecord? {
        let result = try await database.query("""
            SELECT "discordId", "username", "email", "createdAt" FROM "PterodactylUser" WHERE "username" = \(username)
            """, named: "find panel account by username")
        return try result.decodeFirst(as: PterodactylUserRecord.self)
    }

    /// Changes the account's username and email; nil when no row has that Discord id.
    package static func update(_ record: PterodactylUserRecord, on database: some QueryExecutor) async throws -> PterodactylUserRecord? {
        let result = try await database.query("""
            UPDATE "PterodactylUser" SET "username" = \(record.username), "email" = \(record.email) WHERE "discordId" = \(record.discordId)
            RETURNING "discordId", "username", "email", "createdAt"
            """, named: "update panel account")
        return try result.decodeFirst(as: PterodactylUserRecord.self)
    }

    /// The accounts of these Discord users (those that have one), in the order given, in one query.
    package static func list(discordIds: [String], on database: some QueryExecutor) async throws -> [PterodactylUserRecord] {
        guard !discordIds.isEmpty else { return [] }
        // Snowflakes hold no commas, so the list travels as one bound text value.
        let result = try await database.query("""
            SELECT "discordId", "username", "email", "createdAt" FROM "PterodactylUser"
            WHERE "discordId" = ANY(string_to_array(\(discordIds.joined(separator: ",")), ','))
            """, named: "list panel accounts")
        let byUser = Dictionary(try result.decodeAll(as: PterodactylUserRecord.self).map { ($0.discordId, $0) }) { first, _ in first }
        return discordIds.compactMap { byUser[$0] }
    }
}
