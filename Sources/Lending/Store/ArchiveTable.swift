public import Foundation
public import Postgres

/// One row of `"WorkflowArchive"`: a backup stored when a loan was returned.
public struct ArchiveRecord: RowDecodable, Decodable, Equatable {
    public let id: Int
    public let workflowId: Int
    public let backupUuid: String
    public let destination: String
    public let bytes: Int64
    public let createdAt: Date
}

/// Row access for `"WorkflowArchive"`. One row per (workflow, backup): a backup is never
/// archived twice for a loan.
package enum ArchiveTable {
    package static func insert(workflowId: Int, backupUuid: String, destination: String, bytes: Int64, at now: Date,
                              on database: some QueryExecutor) async throws -> ArchiveRecord {
        let result = try await database.query("""
            INSERT INTO "WorkflowArchive" ("workflowId", "backupUuid", "destination", "bytes", "createdAt")
            VALUES (\(workflowId), \(backupUuid), \(destination), \(bytes), \(now))
            RETURNING "id", "workflowId", "backupUuid", "destination", "bytes", "createdAt"
            """, named: "insert archive record")
        return try result.decodeSingle(as: ArchiveRecord.self)
    }

    package static func find(workflowId: Int, backupUuid: String, on database: some QueryExecutor) async throws -> ArchiveRecord? {
        let result = try await database.query("""
            SELECT "id", "workflowId", "backupUuid", "destination", "bytes", "createdAt" FROM "WorkflowArchive"
            WHERE "workflowId" = \(workflowId) AND "backupUuid" = \(backupUuid)
            """, named: "find archive record")
        return try result.decodeFirst(as: ArchiveRecord.self)
    }

    /// The newest `limit` rows, of one workflow or of all.
    package static func newest(workflowId: Int?, limit: Int, on database: some QueryExecutor) async throws -> [ArchiveRecord] {
        let result = try await database.query("""
            SELECT "id", "workflowId", "backupUuid", "destination", "bytes", "createdAt" FROM "WorkflowArchive"
            WHERE \(workflowId)::int IS NULL OR "workflowId" = \(workflowId)
            ORDER BY "id" DESC LIMIT \(limit)
            """, named: "list newest archive records")
        return try result.decodeAll(as: ArchiveRecord.self)
    }

    package static func count(workflowId: Int?, on database: some QueryExecutor) async throws -> Int {
        let result = try await database.query("""
            SELECT count(*)::int AS "n" FROM "WorkflowArchive" WHERE \(workflowId)::int IS NULL OR "workflowId" = \(workflowId)
            """, named: "count archive records")
        return try result.rows.first?.decode("n") ?? 0
    }

    package static func find(id: Int, on database: some QueryExecutor) async throws -> ArchiveRecord? {
        let result = try await database.query("""
            SELECT "id", "workflowId", "backupUuid", "destination", "bytes", "createdAt" FROM "WorkflowArchive" WHERE "id" = \(id)
            """, named: "find archive record by id")
        return try result.decodeFirst(as: ArchiveRecord.self)
    }

    package static func list(workflowId: Int, on database: some QueryExecutor) async throws -> [ArchiveRecord] {
        let result = try await database.query("""
            SELECT "id", "workflowId", "backupUuid", "destination", "bytes", "createdAt" FROM "WorkflowArchive"
            WHERE "workflowId" = \(workflowId) ORDER BY "id"
            """, named: "list archive records")
        return try result.decodeAll(as: ArchiveRecord.self)
    }
}
