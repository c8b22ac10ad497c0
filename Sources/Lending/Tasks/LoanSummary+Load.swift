import Postgres

extension LoanSummary {
    /// The notice facts of a workflow as stored now, with the address players connect to.
    static func load(_ workflow: WorkflowRecord, address: String?, on database: some QueryExecutor) async throws -> LoanSummary {
        let panelUsers = try await WorkflowPanelUserTable.list(workflowId: workflow.id, on: database).map(\.discordId)
        let alias = try await workflow.pteroServerId.asyncMap { try await ServerBindingTable.alias(of: $0, on: database) ?? $0 }
        return LoanSummary(workflowId: workflow.id, description: workflow.description, organizerDiscordId: workflow.organizerDiscordId,
                           panelUserDiscordIds: panelUsers, serverAlias: alias, connectionAddress: address,
                           startDate: workflow.startDate, endDate: workflow.endDate, mcVersion: workflow.mcVersion)
    }
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
