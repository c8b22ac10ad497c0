import Foundation
import Postgres

/// Picks the server for an approval inside the approving transaction.
///
/// A server is free when no PENDING or ACTIVE request holds its panel id and no open task works
/// on it. The automatic choice walks the free bindings of the request's type in alias order,
/// skipping those whose egg cannot run the request's version, and reserves the first with `named`, which locks the binding
/// and checks again that it is free: of two approvals that chose one server, the second waits for
/// the first and then moves on to the next. Two that still both write it (the second read its
/// snapshot before the first committed) are stopped by the unique index
/// `Workflow_pteroServerId_held_key`; the caller retries the loser.
enum ServerAllocator {
    /// What makes the binding `b` free, as SQL: the one statement of the rule, for the allocation
    /// and for the free-servers gauge. A constant, so it is safe to splice into a query.
    static let isFree = """
        NOT EXISTS (SELECT 1 FROM "Workflow" w WHERE w."pteroServerId" = b."pteroId" AND w."status" IN ('PENDING', 'ACTIVE'))
        AND NOT EXISTS (SELECT 1 FROM "LendingTask" t WHERE t."pteroServerId" = b."pteroId" AND t."state" IN ('QUEUED', 'FAILED'))
        """

    /// Every free binding in alias order, unlocked: the approval checks each one's egg on the
    /// panel (outside any transaction) before it reserves one with `named`.
    static func freeCandidates(on database: some QueryExecutor) async throws -> [ServerBindingRecord] {
        let result = try await database.query("""
            SELECT b."name", b."pteroId", b."serverType", b."createdAt", b."updatedAt" FROM "ServerBinding" b
            WHERE \(unsafeSQL: isFree)
            ORDER BY b."name"
            """, named: "list free servers")
        return try result.decodeAll(as: ServerBindingRecord.self)
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
