import Foundation
import Postgres

/// Click-time checks of a request, made before a modal opens so that a moderator is never asked
/// to type into a form for a request someone else already decided. `approve` and `reject` check
/// again in their own transactions; this only makes the refusal come first.
extension WorkflowService {
    /// The request if it is PENDING and no approval is under way. With `allowFailedApproval`, an
    /// approval that failed for good does not stand in the way (a rejection may undo it).
    ///
    /// - Throws: `LendingError.workflowNotFound`, `.alreadyDecided` (naming who decided, from
    ///   the audit trail) or `.approvalInProgress`.
    @discardableResult
    public func requirePending(_ id: Int, allowFailedApproval: Bool = false) async throws -> WorkflowRecord {
        guard let workflow = try await WorkflowTable.find(id: id, on: pool) else { throw LendingError.workflowNotFound(id: id) }
        guard workflow.status == .pending else {
            let actions: [AuditAction] = switch workflow.status {
            case .pending, .active: [.approve]
            case .rejected: [.reject]
            case .returned: [.return]
            }
            let entry = try await AuditTable.latest(workflowId: id, actions: actions, on: pool)
            throw LendingError.alreadyDecided(id: id, status: workflow.status, by: entry?.actor)
        }
        if let task = try await TaskTable.open(workflowId: id, on: pool), !(allowFailedApproval && task.state == .failed) {
            throw LendingError.approvalInProgress(id: id, by: task.actor)
        }
        return workflow
    }
}
