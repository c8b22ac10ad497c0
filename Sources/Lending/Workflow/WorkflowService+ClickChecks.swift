import Foundation
import Postgres

/// Click-time checks of a request, made before a modal, a form or a confirmation opens so that
/// nobody is asked to type into a form, or to confirm, what the change would refuse anyway. The
/// changing method checks again in its own transaction; these only make the refusal come first.
extension WorkflowService {
    /// The request if it is PENDING and no approval is under way. With `allowFailedApproval`, an
    /// approval that failed for good does not stand in the way (a rejection may undo it).
    ///
    /// - Throws: `LendingError.workflowNotFound`, `.alreadyDecided` (naming who decided, from
    ///   the audit trail) or `.approvalInProgress`.
    @discardableResult
    public func requirePending(_ id: Int, allowFailedApproval: Bool = false) async throws -> WorkflowRecord {
        guard let workflow = try await WorkflowTable.find(id: id, on: pool) else { throw LendingError.workflowNotFound(id: id) }
        guard workflow.status == .pending else { throw try await alreadyDecided(workflow, on: pool) }
        if let task = try await TaskTable.open(workflowId: id, on: pool), !(allowFailedApproval && task.state == .failed) {
            throw LendingError.approvalInProgress(id: id, by: task.actor)
        }
        return workflow
    }

    /// The request if it may still be edited: PENDING or ACTIVE (`edit` refuses the others).
    @discardableResult
    public func requireEditable(_ id: Int) async throws -> WorkflowRecord {
        guard let workflow = try await WorkflowTable.find(id: id, on: pool) else { throw LendingError.workflowNotFound(id: id) }
        guard workflow.status == .pending || workflow.status == .active else {
            throw LendingError.notAllowed(id: id, status: workflow.status, action: "edited")
        }
        return workflow
    }

    /// The loan if `actor` may return it now: it exists, they organize it (or moderate), and it
    /// is ACTIVE. `requestReturn` checks all of this again, and whether a return is under way.
    public func requireReturnable(_ id: Int, by actor: String, asModerator: Bool) async throws -> WorkflowRecord {
        guard let loan = try await WorkflowTable.find(id: id, on: pool) else { throw LendingError.workflowNotFound(id: id) }
        guard loan.organizerDiscordId == actor || asModerator else { throw LendingError.notOrganizer(id: id) }
        guard loan.status == .active else { throw LendingError.notAllowed(id: id, status: loan.status, action: "returned") }
        return loan
    }

    /// The binding with this alias if no request holds its server and, given the request it is
    /// for, it is of the type that request asks for: said before a moderator types usernames for
    /// an approval onto it (`approve` reserves it under a lock).
    @discardableResult
    public func requireServerFree(_ alias: String, for workflowId: Int? = nil) async throws -> ServerBindingRecord {
        guard let binding = try await ServerBindingTable.find(name: alias, on: pool) else { throw LendingError.serverNotFound(alias: alias) }
        if let workflowId, let workflow = try await WorkflowTable.find(id: workflowId, on: pool) {
            try Self.requireType(of: binding, fits: workflow)
        }
        if let holder = try await WorkflowTable.holder(of: binding.pteroId, on: pool) {
            throw LendingError.serverNotFree(alias: alias, heldBy: holder.id)
        }
        return binding
    }
}
