public import Foundation
public import Postgres

/// The reads the bot and the scheduler need beyond single rows; each is served by an index of
/// migration 20261122000000_lending_workflow.
extension WorkflowTable {
    /// Locks the row for the rest of the transaction; nil when there is none.
    package static func lock(id: Int, on transaction: Transaction) async throws -> WorkflowRecord? {
        let result = try await transaction.query("""
            SELECT \(unsafeSQL: WorkflowRecord.columns) FROM "Workflow" WHERE "id" = \(id) FOR UPDATE
            """, named: "lock workflow")
        return try result.decodeFirst(as: WorkflowRecord.self)
    }

    /// An organizer's loans with `status`, oldest first.
    package static func list(organizer: String, status: WorkflowStatus, on database: some QueryExecutor) async throws -> [WorkflowRecord] {
        let result = try await database.query("""
            SELECT \(unsafeSQL: WorkflowRecord.columns) FROM "Workflow"
            WHERE "organizerDiscordId" = \(organizer) AND "status" = \(status) ORDER BY "id"
            """, named: "list workflows of organizer")
        return try result.decodeAll(as: WorkflowRecord.self)
    }

    /// ACTIVE loans whose end date is at or before `until`, earliest end first: the scheduler's
    /// query (index `Workflow_status_endDate_idx`).
    package static func activeEnding(before until: Date, limit: Int = 500, on database: some QueryExecutor) async throws -> [WorkflowRecord] {
        let result = try await database.query("""
            SELECT \(unsafeSQL: WorkflowRecord.columns) FROM "Workflow"
            WHERE "status" = 'ACTIVE' AND "endDate" <= \(until) ORDER BY "endDate", "id" LIMIT \(limit)
            """, named: "list active loans ending")
        return try result.decodeAll(as: WorkflowRecord.self)
    }

    /// The request holding a panel server (PENDING with a reservation, or ACTIVE), if any.
    package static func holder(of pteroServerId: String, on database: some QueryExecutor) async throws -> WorkflowRecord? {
        let result = try await database.query("""
            SELECT \(unsafeSQL: WorkflowRecord.columns) FROM "Workflow"
            WHERE "pteroServerId" = \(pteroServerId) AND "status" IN ('PENDING', 'ACTIVE')
            """, named: "find holder of server")
        return try result.decodeFirst(as: WorkflowRecord.self)
    }
}

/// A pool entry and the request holding its server, if any.
public struct BindingUsage: Sendable, Equatable {
    public let binding: ServerBindingRecord
    public let holder: WorkflowRecord?
}

extension ServerBindingTable {
    /// Every binding in alias order with the request that holds its server (two queries).
    package static func listWithHolders(on database: some QueryExecutor) async throws -> [BindingUsage] {
        let bindings = try await list(on: database)
        let holders = try await database.query("""
            SELECT \(unsafeSQL: WorkflowRecord.columns) FROM "Workflow"
            WHERE "status" IN ('PENDING', 'ACTIVE') AND "pteroServerId" IS NOT NULL
            """, named: "list server holders").decodeAll(as: WorkflowRecord.self)
        let byServer = Dictionary(holders.compactMap { holder in holder.pteroServerId.map { ($0, holder) } }) { first, _ in first }
        return bindings.map { BindingUsage(binding: $0, holder: byServer[$0.pteroId]) }
    }

    /// The alias of a panel server (the first in alias order when several point at it).
    package static func alias(of pteroId: String, on database: some QueryExecutor) async throws -> String? {
        let result = try await database.query("""
            SELECT "name" FROM "ServerBinding" WHERE "pteroId" = \(pteroId) ORDER BY "name" LIMIT 1
            """, named: "find alias of server")
        return try result.first?.decode("name")
    }
}
