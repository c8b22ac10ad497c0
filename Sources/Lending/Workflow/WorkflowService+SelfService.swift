import Clocks
public import Foundation
import Logging
import Postgres

/// What a member does for themselves beyond filing: withdrawing a PENDING request, and seeing
/// their requests and loans with what they may do to each.
extension WorkflowService {
    // MARK: Withdrawing

    /// The applicant or the organizer takes back their own PENDING request: it becomes REJECTED,
    /// audited as `withdraw` with the member as actor, and the moderators are told.
    ///
    /// Like a rejection, under the request's row lock: a reservation is released, and an approval
    /// that failed for good is cancelled and a release task undoes what it did on the panel. An
    /// approval queued or running is never cut short: the withdrawal is refused
    /// (`approvalInProgress`) while the moderators prepare the server, so an approval racing a
    /// withdrawal makes exactly one of them win.
    public func withdraw(_ id: Int, by member: String) async throws -> WorkflowRecord {
        let now = clock.date
        let (withdrawn, released, notice) = try await pool.withTransaction { transaction in
            guard let workflow = try await WorkflowTable.lock(id: id, on: transaction) else { throw LendingError.workflowNotFound(id: id) }
            guard workflow.applicantDiscordId == member || workflow.organizerDiscordId == member else {
                throw LendingError.notApplicant(id: id)
            }
            switch workflow.status {
            case .pending: break
            case .active: throw LendingError.notAllowed(id: id, status: .active, action: "withdrawn")
            case .rejected, .returned: throw try await alreadyDecided(workflow, on: transaction)
            }
            var detail: [String: String] = [:]
            if let server = workflow.pteroServerId { detail["releasedServer"] = server }
            let (withdrawn, released) = try await closePending(workflow, by: member, action: .withdraw, detail: detail, at: now, on: transaction)
            let notice = try await outbox?.queue(.requestWithdrawn(member: member), workflowId: id, key: "withdrawn-\(id)", at: now, on: transaction)
            return (withdrawn, released, notice)
        }
        if released { wakeRunner() }
        await deliver(notice)
        return withdrawn
    }

    /// The request if `member` may ask to withdraw it now: it exists, they filed or organize it,
    /// and it is PENDING. Shown before the confirmation; `withdraw` checks all of it again.
    public func withdrawable(_ id: Int, by member: String) async throws -> WorkflowRecord {
        guard let workflow = try await WorkflowTable.find(id: id, on: pool) else { throw LendingError.workflowNotFound(id: id) }
        guard workflow.applicantDiscordId == member || workflow.organizerDiscordId == member else { throw LendingError.notApplicant(id: id) }
        switch workflow.status {
        case .pending: return workflow
        case .active: throw LendingError.notAllowed(id: id, status: .active, action: "withdrawn")
        case .rejected, .returned: throw try await alreadyDecided(workflow, on: pool)
        }
    }

    // MARK: A member's own requests

    /// One of a member's requests or loans, with what they may do to it now.
    public struct OwnRequest: Sendable, Equatable {
        public let workflow: WorkflowRecord
        /// The server's alias (its panel id when no alias points at it); nil before a reservation.
        public let serverAlias: String?
        /// Where players connect, for an ACTIVE loan when the panel answered.
        public let address: String?
        /// The Discord ids of its panel users.
        public let panelUsers: [String]
        /// The organizer may extend it themselves now (ACTIVE, under `CHECKOUT_EXTEND_LIMIT`).
        public let canExtend: Bool
        /// The organizer may return it now (ACTIVE, no return under way).
        public let canReturn: Bool
        /// The applicant or organizer may withdraw it now (PENDING, no approval under way).
        public let canWithdraw: Bool
    }

    /// What `/mcserver mine` shows: the most relevant `limit` requests and how many there are.
    public struct OwnRequests: Sendable, Equatable {
        public let shown: [OwnRequest]
        public let total: Int
    }

    /// The requests `member` filed, organizes or is a panel user of (`WorkflowTable.involving`'s
    /// order). The address is asked of the panel for each ACTIVE loan shown; a panel that does
    /// not answer leaves it out rather than failing the list.
    public func ownRequests(of member: String, limit: Int) async throws -> OwnRequests {
        let workflows = try await WorkflowTable.involving(member, limit: limit, on: pool)
        let total = try await WorkflowTable.countInvolving(member, on: pool)
        var shown: [OwnRequest] = []
        for workflow in workflows {
            let panelUsers = try await WorkflowPanelUserTable.list(workflowId: workflow.id, on: pool).map(\.discordId)
            let alias = try await workflow.pteroServerId.asyncMap { try await ServerBindingTable.alias(of: $0, on: pool) ?? $0 }
            let open = workflow.status == .pending || workflow.status == .active
                ? try await TaskTable.open(workflowId: workflow.id, on: pool) : nil
            let organizes = workflow.organizerDiscordId == member
            var address: String?
            var canExtend = false
            var canReturn = false
            if workflow.status == .active {
                address = await connectionAddress(of: workflow)
                let returning = open?.kind == .returnLoan
                canReturn = organizes && !returning
                if canReturn, workflow.endDate != nil, policy.extendLimit > 0 {
                    canExtend = try await AuditTable.selfExtensions(workflowId: workflow.id, on: pool) < policy.extendLimit
                }
            }
            let canWithdraw = workflow.status == .pending && (organizes || workflow.applicantDiscordId == member)
                && (open == nil || open?.state == .failed)
            shown.append(OwnRequest(workflow: workflow, serverAlias: alias, address: address, panelUsers: panelUsers, canExtend: canExtend,
                                    canReturn: canReturn, canWithdraw: canWithdraw))
        }
        return OwnRequests(shown: shown, total: max(total, shown.count))
    }

    private func connectionAddress(of workflow: WorkflowRecord) async -> String? {
        guard let server = workflow.pteroServerId else { return nil }
        do {
            return try await panel.connectionAddress(of: server)
        } catch {
            logger.info("no address for a member's loan", metadata: ["workflow": "\(workflow.id)", "error": "\(TaskRunner.describe(error))"])
            return nil
        }
    }
}
