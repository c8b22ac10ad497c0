public import Foundation
public import Postgres

/// One row of `"MinecraftRelease"`: a release of Mojang's manifest as last fetched.
public struct MinecraftReleaseRecord: RowDecodable, Decodable, Equatable {
    public let id: String
    public let releaseTime: Date
    public let url: String
    /// Null until the release's own JSON has been read.
    public let javaMajorVersion: Int?
    public let isLatest: Bool
    public let fetchedAt: Date
}

/// Row access for `"MinecraftRelease"`, the cache of Mojang's version manifest.
package enum MinecraftReleaseTable {
    package static func list(on database: some QueryExecutor) async throws -> [MinecraftReleaseRecord] {
        let result = try await database.query("""
            SELECT "id", "releaseTime", "url", "javaMajorVersion", "isLatest", "fetchedAt" FROM "MinecraftRelease" ORDER BY "releaseTime", "id"
            """, named: "list minecraft releases")
        return try result.decodeAll(as: MinecraftReleaseRecord.self)
    }

    /// Makes the table the manifest's releases, fetched at `now`, in one statement per step: a
    /// release whose url is unchanged keeps the Java already read for it; releases the manifest no
    /// longer lists are removed. Run it inside a transaction.
    package static func replace(with releases: [VersionManifest.Entry], latest: String, at now: Date, on database: some QueryExecutor) async throws {
        let rows = releases.map { StoredRelease(id: $0.id, releaseTime: $0.releaseTime.postgresText ?? "", url: $0.url) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        let json = String(decoding: try encoder.encode(rows), as: UTF8.self)
        try await database.query("""
            INSERT INTO "MinecraftRelease" ("id", "releaseTime", "url", "javaMajorVersion", "isLatest", "fetchedAt")
            SELECT r."id", r."releaseTime"::timestamp(3), r."url", NULL, r."id" = \(latest), \(now)
            FROM jsonb_to_recordset(\(json)::jsonb) AS r("id" text, "releaseTime" text, "url" text)
            ON CONFLICT ("id") DO UPDATE SET
                "releaseTime" = EXCLUDED."releaseTime", "isLatest" = EXCLUDED."isLatest", "fetchedAt" = EXCLUDED."fetchedAt",
                "javaMajorVersion" = CASE WHEN "MinecraftRelease"."url" = EXCLUDED."url" THEN "MinecraftRelease"."javaMajorVersion" END,
                "url" = EXCLUDED."url"
            """, named: "store minecraft releases")
        try await database.query(#"DELETE FROM "MinecraftRelease" WHERE "fetchedAt" <> \#(now)"#, named: "remove unlisted minecraft releases")
    }

    /// One release as the insert reads it back with `jsonb_to_recordset`.
    private struct StoredRelease: Encodable {
        let id: String
        let releaseTime: String
        let url: String
    }

    /// Records the Java read from a release's own JSON, if the row still points at that JSON.
    package static func setJavaMajorVersion(_ java: Int, id: String, url: String, on database: some QueryExecutor) async throws {
        try await database.query("""
            UPDATE "MinecraftRelease" SET "javaMajorVersion" = \(java) WHERE "id" = \(id) AND "url" = \(url)
            """, named: "store minecraft release java")
    }
}
