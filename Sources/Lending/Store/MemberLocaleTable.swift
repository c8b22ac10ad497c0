import Foundation
import Postgres

/// Row access for `"MemberLocale"`: the Discord client language each member last used. Internal:
/// the rest of the bot reads and writes it through `MemberLocales`.
enum MemberLocaleTable {
    /// Stores the member's locale; a row that already holds it is left alone, so repeating the
    /// same locale writes nothing.
    static func store(discordId: String, locale: String, at now: Date, on database: some QueryExecutor) async throws {
        try await database.query("""
            INSERT INTO "MemberLocale" ("discordId", "locale", "updatedAt") VALUES (\(discordId), \(locale), \(now))
            ON CONFLICT ("discordId") DO UPDATE SET "locale" = EXCLUDED."locale", "updatedAt" = EXCLUDED."updatedAt"
            WHERE "MemberLocale"."locale" IS DISTINCT FROM EXCLUDED."locale"
            """, named: "store member locale")
    }

    /// The stored locales of these members (those that have one), by Discord id, in one query.
    static func locales(of discordIds: [String], on database: some QueryExecutor) async throws -> [String: String] {
        guard !discordIds.isEmpty else { return [:] }
        // Snowflakes hold no commas, so the list travels as one bound text value.
        let result = try await database.query("""
            SELECT "discordId", "locale" FROM "MemberLocale"
            WHERE "discordId" = ANY(string_to_array(\(discordIds.joined(separator: ",")), ','))
            """, named: "list member locales")
        var locales: [String: String] = [:]
        for row in result.rows {
            locales[try row.decode("discordId", as: String.self)] = try row.decode("locale", as: String.self)
        }
        return locales
    }
}
