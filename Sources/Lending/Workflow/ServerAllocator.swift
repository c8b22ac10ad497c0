import Foundation
import Postgres

/// Picks the server for an approval inside the approving transaction.
///
/// A server is free when no PENDING or ACTIVE request holds its panel id and no open task works
/// on it. The automatic choice takes the first free binding in alias order and locks it with
/// `SKIP LOCKED`, so concurrent approvals take different servers without waiting on each other.
/// Two approvals that still pick one server (the second read its snapshot before the first
/// committed) are stopped by the unique index `Workflow_pteroServerId_held_key`; the caller
/// retries the loser's transaction.
enum ServerAllocator {
    static func firstFree(on transaction: Transaction) async throws -> ServerBindingRecord? {
        let result = try await transaction.query("""
            SELECT b."name", b."pteroId", b."createdAt", b."updatedAt" FROM "ServerBinding" b
            WHERE NOT EXISTS (SELECT 1 FROM "Workflow" w WHERE w."pteroServerId" = b."pteroId" AND w."status" IN ('PENDING', 'ACTIVE'))
              AND NOT EXISTS (SELECT 1 FROM "LendingTask" t WHERE t."pteroServerId" = b."pteroId" AND t."state" IN ('QUEUED', 'FAILED'))
            ORDER BY b."name"
            LIMIT 1
            FOR UPDATE OF b SKIP LOCKED
            """, named: "allocate free server")
        return try result.decodeFirst(as: ServerBindingRecord.self)
    }

    /// The named binding, locked, if it is free; throws `serverNotFound` or `serverNotFree`.
    static func named(_ alias: String, on transaction: Transaction) async throws -> ServerBindingRecord {
        guard let binding = try await ServerBindingTable.lock(name: alias, on: transaction) else { throw LendingError.serverNotFound(alias: alias) }
        if let holder = try await WorkflowTable.holder(of: binding.pteroId, on: transaction) {
            throw LendingError.serverNotFree(alias: alias, heldBy: holder.id)
        }
        if let workflowId = try await TaskTable.workflowWorking(on: binding.pteroId, on: transaction) {
            throw LendingError.serverNotFree(alias: alias, heldBy: workflowId)
        }
        return binding
    }
}
