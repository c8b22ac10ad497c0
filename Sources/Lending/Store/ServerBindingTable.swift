public import Foundation
public import Postgres

/// One row of `"ServerBinding"`: a lendable panel server and the alias people call it by.
public struct ServerBindingRecord: RowDecodable, Decodable, Equatable {
    public let name: String
    public var pteroId: String
    public let createdAt: Date
    public let updatedAt: Date
}

/// Row access for `"ServerBinding"`, the server pool.
package enum ServerBindingTable {
    package static func insert(name: String, pteroId: String, at now: Date, on database: some QueryExecutor) async throws -> ServerBindingRecord {
        let result = try await database.query("""
            INSERT INTO "ServerBinding" ("name", "pteroId", "createdAt", "updatedAt") VALUES (\(name), \(pteroId), \(now), \(now))
            RETURNING "name", "pteroId", "createdAt", "updatedAt"
            """, named: "insert server binding")
        return try result.decodeSingle(as: ServerBindingRecord.self)
    }

    package static func find(name: String, on database: some QueryExecutor) async throws -> ServerBindingRecord? {
        let result = try await database.query("""
            SELECT "name", "pteroId", "createdAt", "updatedAt" FROM "ServerBinding" WHERE "name" = \(name)
            """, named: "find server binding")
        return try result.decodeFirst(as: ServerBindingRecord.self)
    }

    /// Locks the alias's row for the rest of the transaction; nil when there is none.
    package static func lock(name: String, on transaction: Transaction) async throws -> ServerBindingRecord? {
        let result = try await transaction.query("""
            SELECT "name", "pteroId", "createdAt", "updatedAt" FROM "ServerBinding" WHERE "name" = \(name) FOR UPDATE
            """, named: "lock server binding")
        return try result.decodeFirst(as: ServerBindingRecord.self)
    }

    /// Points the alias at another panel server; nil when the alias does not exist.
    package static func update(name: String, pteroId: String, at now: Date, on database: some QueryExecutor) async throws -> ServerBindingRecord? {
        let result = try await database.query("""
            UPDATE "ServerBinding" SET "pteroId" = \(pteroId), "updatedAt" = \(now) WHERE "name" = \(name)
            RETURNING "name", "pteroId", "createdAt", "updatedAt"
            """, named: "update server binding")
        return try result.decodeFirst(as: ServerBindingRecord.self)
    }

    /// Removes the alias; false when it did not exist.
    package static func delete(name: String, on database: some QueryExecutor) async throws -> Bool {
        try await database.query("DELETE FROM \"ServerBinding\" WHERE \"name\" = \(name)", named: "delete server binding").affectedRows == 1
    }

    /// Every binding in alias order, the order servers are handed out in.
    package static func list(on database: some QueryExecutor) async throws -> [ServerBindingRecord] {
        let result = try await database.query("""
            SELECT "name", "pteroId", "createdAt", "updatedAt" FROM "ServerBinding" ORDER BY "name"
            """, named: "list server bindings")
        return try result.decodeAll(as: ServerBindingRecord.self)
    }
}
