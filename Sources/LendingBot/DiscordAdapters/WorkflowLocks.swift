import Lending
/// One workflow's notices, one at a time within this process: a decision's edit of the request's
/// post waits until the post that is still being sent has been recorded, instead of finding no post
/// to edit and leaving its buttons live. Notices about different workflows do not wait for each
/// other.
actor WorkflowLocks {
    private var held: Set<Int> = []
    private var waiting: [Int: [CheckedContinuation<Void, Never>]] = [:]

    func withLock<T: Sendable>(_ workflowId: Int, _ body: @Sendable () async throws -> T) async throws -> T {
        await acquire(workflowId)
        do {
            let result = try await body()
            release(workflowId)
            return result
        } catch {
            release(workflowId)
            throw error
        }
    }

    private func acquire(_ workflowId: Int) async {
        guard held.contains(workflowId) else {
            held.insert(workflowId)
            return
        }
        await withCheckedContinuation { waiting[workflowId, default: []].append($0) }
    }

    /// Hands the lock to the next waiter, if any, so no third caller can slip in between.
    private func release(_ workflowId: Int) {
        guard var queue = waiting[workflowId], !queue.isEmpty else {
            held.remove(workflowId)
            return
        }
        let next = queue.removeFirst()
        waiting[workflowId] = queue.isEmpty ? nil : queue
        next.resume()
    }
}

extension LendingNotice {
    /// The request or loan the notice is about.
    var workflowId: Int {
        switch self {
        case .requestFiled(let request): request.workflow.id
        case .approvalProgress(let progress): progress.workflowId
        case .taskFailed(let failure): failure.workflowId
        case .loanApproved(let loan, _), .panelAccessGranted(let loan, _, _), .returnReminder(let loan, _, _),
             .loanExtendedByOrganizer(let loan, _, _), .loanExtendedByModerator(let loan, _, _), .requestWithdrawn(let loan, _),
             .loanExpired(let loan), .loanReturned(let loan, _, _), .loanReturnedToModerators(let loan, _), .requestRejected(let loan, _, _, _):
            loan.workflowId
        }
    }
}
