import Clocks
public import Foundation
import Postgres

/// Why a change of panel users was refused, beyond the workflow's common refusals
/// (`LendingError`): the bot renders each in the moderator's language.
public enum PanelUsersRefusal: Error, Sendable, Equatable {
    /// The member to add is already one of the request's panel users.
    case alreadyPanelUser(id: Int, discordId: String)
    /// The member to remove is not one of its panel users.
    case notPanelUser(id: Int, discordId: String)
    /// The change would leave more users than the request form allows, or none.
    case count(id: Int, limit: Int)
    /// An earlier change of this loan's panel users is still being carried out on the panel
    /// (`task` QUEUED or FAILED): it must finish, or be retried, first.
    case changeInProgress(id: Int, task: Int, by: String)
    /// Nothing to change: no user to add or remove was given.
    case nothingToChange
}

/// A moderator's change of a request's panel users (`/mcserver-admin workflow edit id add remove`).
///
/// A PENDING request only stores its new users. An ACTIVE loan's panel follows through a
/// `PanelUsersTask`, queued in the same transaction as the change and its audit row: accounts
/// for added users without one (the usernames reserved like an approval's), the panel-user role
/// and sub-user access; access revoked for removed users, whose rows are deleted only once that
/// is done, so a return that supersedes a stopped change still finds and revokes them. One
/// change at a time per loan: the next waits until the last is done on the panel.
extension WorkflowService {
    public struct PanelUsersChange: Sendable, Equatable {
        public let workflow: WorkflowRecord
        /// The panel users as stored after the change (an ACTIVE loan's removed users included
        /// until their access is revoked).
        public let panelUsers: [String]
        public let added: [String]
        public let removed: [String]
        /// The task carrying the change out on the panel; nil for a PENDING request.
        public let task: TaskRecord?
    }

    public func changePanelUsers(_ id: Int, by moderator: String, add: [String], remove: [String],
                                 usernames: [String: String] = [:]) async throws -> PanelUsersChange {
        guard !add.isEmpty || !remove.isEmpty else { throw PanelUsersRefusal.nothingToChange }
        guard (add + remove).allSatisfy(DiscordID.isValid) else { throw LendingError.invalidRequest(field: "panelUsers", rule: "Discord user ids") }
        let now = clock.date
        let change = try await pool.withTransaction { transaction in
            guard let workflow = try await WorkflowTable.lock(id: id, on: transaction) else { throw LendingError.workflowNotFound(id: id) }
            switch workflow.status {
            case .rejected, .returned: throw try await alreadyDecided(workflow, on: transaction)
            case .pending, .active: break
            }
            if let open = try await TaskTable.open(workflowId: id, on: transaction) {
                switch open.kind {
                case .returnLoan: throw LendingError.returnInProgress(id: id, by: open.actor)
                case .panelUsers: throw PanelUsersRefusal.changeInProgress(id: id, task: open.id, by: open.actor)
                case .approve, .release: throw LendingError.approvalInProgress(id: id, by: open.actor)
                }
            }
            let current = try await WorkflowPanelUserTable.list(workflowId: id, on: transaction).map(\.discordId)
            for discordId in add where current.contains(discordId) { throw PanelUsersRefusal.alreadyPanelUser(id: id, discordId: discordId) }
            for discordId in remove where !current.contains(discordId) { throw PanelUsersRefusal.notPanelUser(id: id, discordId: discordId) }
            let added = add.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            let removed = remove.reduce(into: [String]()) { if !$0.contains($1) && !added.contains($1) { $0.append($1) } }
            let after = current.filter { !removed.contains($0) } + added
            guard (1...policy.maxPanelUsers).contains(after.count) else { throw PanelUsersRefusal.count(id: id, limit: policy.maxPanelUsers) }

            var detail = ["panelUsers": after.joined(separator: ",")]
            if !added.isEmpty { detail["added"] = added.joined(separator: ",") }
            if !removed.isEmpty { detail["removed"] = removed.joined(separator: ",") }
            try await WorkflowPanelUserTable.insert(workflowId: id, discordIds: added, on: transaction)
            var task: TaskRecord?
            if workflow.status == .pending {
                for discordId in removed { try await WorkflowPanelUserTable.delete(workflowId: id, discordId: discordId, on: transaction) }
            } else {
                guard let server = workflow.pteroServerId else { throw LendingError.notAllowed(id: id, status: .active, action: "changed") }
                let chosen = try await reserveUsernames(for: added, usernames: usernames, on: transaction)
                let alias = try await ServerBindingTable.alias(of: server, on: transaction) ?? server
                let input = PanelUsersInput(changedAt: now, serverAlias: alias, added: added, removed: removed, usernames: chosen)
                let queued = try await TaskTable.insert(.panelUsers(input), workflowId: id, pteroServerId: server, actor: moderator,
                                                        at: now, on: transaction)
                detail["task"] = String(queued.id)
                task = queued
            }
            try await AuditTable.record(workflowId: id, actor: moderator, action: .panelUsers, from: workflow.status, to: workflow.status,
                                        detail: detail, at: now, on: transaction)
            let stored = try await WorkflowPanelUserTable.list(workflowId: id, on: transaction).map(\.discordId)
            return PanelUsersChange(workflow: workflow, panelUsers: stored, added: added, removed: removed, task: task)
        }
        if change.task != nil { wakeRunner() }
        return change
    }

    /// The members among `discordIds` with no panel account: a change adding them to an ACTIVE
    /// loan needs a username for each.
    public func withoutAccount(_ discordIds: [String]) async throws -> [String] {
        let withAccount = Set(try await PterodactylUserTable.list(discordIds: discordIds, on: pool).map(\.discordId))
        return discordIds.filter { !withAccount.contains($0) }
    }
}
