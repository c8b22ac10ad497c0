public import Foundation
public import Postgres

/// One row of `"ServerBinding"`: a lendable panel server, the alias people call it by and its
/// type (`ServerType`).
public struct ServerBindingRecord: RowDecodable, Decodable, Equatable {
    public let name: String
    public var pteroId: String
    /// What kind of server it is (`paper`, `forge`, …): read from its egg when it was bound, or
    /// given by the moderator who bound it.
    public var serverType: String
    public let createdAt: Date
    public let updatedAt: Date

    /// The columns every query of the table reads, in one place.
    static let columns = #""name", "pteroId", "serverType", "createdAt", "updatedAt""#
}

/// Row access for `"ServerBinding"`, the server pool.
package enum ServerBindingTable {
    package static func insert(name: String, pteroId: String, serverType: String, at now: Date,
                               on database: some QueryExecutor) async throws -> ServerBindingRecord {
        let result = try await database.query("""
            INSERT INTO "ServerBinding" ("name", "pteroId", "serverType", "createdAt", "updatedAt")
            VALUES (\(name), \(pteroId), \(serverType), \(now), \(now))
            RETURNING \(unsafeSQL: ServerBindingRecord.columns)
            """, named: "insert server binding")
        return try result.decodeSingle(as: ServerBindingRecord.self)
    }

    package static func find(name: String, on database: some QueryExecutor) async throws -> ServerBindingRecord? {
        let result = try await database.query("""
            SELECT \(unsafeSQL: ServerBindingRecord.columns) FROM "ServerBinding" WHERE "name" = \(name)
            """, named: "find server binding")
        return try result.decodeFirst(as: ServerBindingRecord.self)
    }

    /// Locks the alias's row for the rest of the transaction; nil when there is none.
    package static func lock(name: String, on transaction: Transaction) async throws -> ServerBindingRecord? {
        let result = try await transaction.query("""
            SELECT \(unsafeSQL: ServerBindingRecord.columns) FROM "ServerBinding" WHERE "name" = \(name) FOR UPDATE
            """, named: "lock server binding")
        return try result.decodeFirst(as: ServerBindingRecord.self)
    }

    /// Points the alias at another panel server, of `serverType`; nil when the alias does not exist.
    package static func update(name: String, pteroId: String, serverType: String, at now: Date,
                               on database: some QueryExecutor) async throws -> ServerBindingRecord? {
        let result = try await database.query("""
            UPDATE "ServerBinding" SET "pteroId" = \(pteroId), "serverType" = \(serverType), "updatedAt" = \(now) WHERE "name" = \(name)
            RETURNING \(unsafeSQL: ServerBindingRecord.columns)
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
            SELECT \(unsafeSQL: ServerBindingRecord.columns) FROM "ServerBinding" ORDER BY "name"
            """, named: "list server bindings")
        return try result.decodeAll(as: ServerBindingRecord.self)
    }

    /// The types the pool has, each once, in alphabetical order.
    package static func types(on database: some QueryExecutor) async throws -> [String] {
        try types(from: try await database.query(listingTypes, named: "list server types"))
    }

    /// The statement `types(on:)` runs, for a caller that sends it with another (`types(from:)` reads its result).
    package static let listingTypes: Query = """
        SELECT DISTINCT "serverType" FROM "ServerBinding" ORDER BY "serverType"
        """

    package static func types(from result: QueryResult) throws -> [String] {
        try result.rows.map { try $0.decode("serverType") }
    }
}
