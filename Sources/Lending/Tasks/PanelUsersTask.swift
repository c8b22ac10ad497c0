import Foundation

/// The panel work of a change of an ACTIVE loan's panel users (`WorkflowService.changePanelUsers`).
///
/// Added users get what an approval gives them (account when they have none, the panel-user
/// role, sub-user access); removed users lose their sub-user access (except the keep-list's),
/// and only then are their rows deleted, in a step of their own. Every step is recorded, so a
/// panel failure leaves the task to be retried from the step that failed, and a return that
/// supersedes the stopped task still revokes the removed users, whose rows are still there.
/// Last, each added user is told, as an approval tells its panel users.
public struct PanelUsersTask: TaskHandler {
    let panel: any LendingPanel
    let community: any Community
    let notifier: any LendingNotifier
    let policy: LendingPolicy

    public init(panel: any LendingPanel, community: any Community, notifier: any LendingNotifier, policy: LendingPolicy) {
        self.panel = panel
        self.community = community
        self.notifier = notifier
        self.policy = policy
    }

    public func run(_ context: TaskContext) async throws {
        let task = context.task
        let server = task.pteroServerId
        guard case .panelUsers(let input) = context.input else { throw PortFailure.permanent("task #\(task.id) is not a panel-user change") }
        guard let workflow = try await WorkflowTable.find(id: task.workflowId, on: context.pool) else {
            throw PortFailure.permanent("request #\(task.workflowId) no longer exists")
        }
        guard workflow.status == .active, workflow.pteroServerId == server else {
            throw PortFailure.permanent("loan #\(workflow.id) no longer holds \(input.serverAlias): the change has nothing left to do")
        }
        for discordId in input.added {
            try await context.grantAccess(to: discordId, usernames: input.usernames, on: server, panel: panel, community: community, policy: policy)
        }
        try await context.revokeAccess(of: input.removed, on: server, panel: panel, policy: policy)
        try await context.databaseStep(.forgetRemoved) { transaction in
            for discordId in input.removed {
                try await WorkflowPanelUserTable.delete(workflowId: workflow.id, discordId: discordId, on: transaction)
            }
            return ["removed": input.removed.joined(separator: ",")]
        }
        guard !input.added.isEmpty else { return }
        let address = (try? await panel.connectionAddress(of: server)) ?? nil
        let summary = try await LoanSummary.load(workflow, address: address, on: context.pool)
        for discordId in input.added {
            guard let account = try await PterodactylUserTable.find(discordId: discordId, on: context.pool) else { continue }
            try await context.notify(.notifyPanelUser(discordId: discordId),
                                     .panelAccessGranted(summary, panelUser: discordId, username: account.username), notifier: notifier)
        }
    }
}
