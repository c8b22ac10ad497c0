/// Undoes on the panel what a failed approval did, after its request was rejected: the panel
/// users' sub-user access (except the keep-list) and the server's description. Accounts stay:
/// they belong to the members, not to the request.
public struct ReleaseTask: TaskHandler {
    let panel: any LendingPanel
    let policy: LendingPolicy

    public init(panel: any LendingPanel, policy: LendingPolicy) {
        self.panel = panel
        self.policy = policy
    }

    public func run(_ context: TaskContext) async throws {
        let server = context.task.pteroServerId
        let panelUsers = try await WorkflowPanelUserTable.list(workflowId: context.task.workflowId, on: context.pool).map(\.discordId)
        try await context.revokeAccess(of: panelUsers, on: server, panel: panel, policy: policy)
        try await context.step(.serverDescription) {
            try await panel.setDescription(of: server, to: "")
            return [:]
        }
    }
}
