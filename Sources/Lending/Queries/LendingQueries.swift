public import Foundation
public import Postgres

/// The read side of the domain: what the handlers show (a request, its panel users, the pool, the
/// moderators' pages, a member's loans), read through `Store` so that no module above `Lending`
/// names a table. Reads decide nothing; every change, and every check that guards one, is a
/// `WorkflowService` method that reads again in its own transaction.
public struct LendingQueries: Sendable {
    let pool: PostgresPool

    public init(pool: PostgresPool) {
        self.pool = pool
    }

    // MARK: Requests and loans

    /// The request with this id, nil when there is none.
    public func workflow(_ id: Int) async throws -> WorkflowRecord? {
        try await WorkflowTable.find(id: id, on: pool)
    }

    /// The request with this id; `LendingError.workflowNotFound` when there is none.
    public func requireWorkflow(_ id: Int) async throws -> WorkflowRecord {
        guard let workflow = try await workflow(id) else { throw LendingError.workflowNotFound(id: id) }
        return workflow
    }

    /// The Discord ids of a request's panel users, in the order they were filed.
    public func panelUsers(of workflowId: Int) async throws -> [String] {
        try await WorkflowPanelUserTable.list(workflowId: workflowId, on: pool).map(\.discordId)
    }

    /// The panel users of several requests at once, by request id.
    public func panelUsers(of workflowIds: [Int]) async throws -> [Int: [String]] {
        try await WorkflowPanelUserTable.list(workflowIds: workflowIds, on: pool)
    }

    /// A member's ACTIVE loans as organizer (in id order).
    public func activeLoans(organizedBy organizer: String) async throws -> [WorkflowRecord] {
        try await WorkflowTable.list(organizer: organizer, status: .active, on: pool)
    }

    /// The newest `limit` archived backups (of loan `workflowId`, or of every loan) and how many
    /// there are in all.
    public func archives(of workflowId: Int?, limit: Int) async throws -> (newest: [ArchiveRecord], total: Int) {
        (try await ArchiveTable.newest(workflowId: workflowId, limit: limit, on: pool), try await ArchiveTable.count(workflowId: workflowId, on: pool))
    }

    /// One archived backup by its row id.
    public func archive(_ id: Int) async throws -> ArchiveRecord? {
        try await ArchiveTable.find(id: id, on: pool)
    }

    /// The ACTIVE loans `member` organizes or is a panel user of: whose whitelist they may keep.
    public func whitelistableLoans(of member: String) async throws -> [WorkflowRecord] {
        try await WorkflowTable.active(organizedOrUsedBy: member, on: pool)
    }

    /// The PENDING requests `member` filed or organizes, oldest first: what `/mcserver withdraw`
    /// offers. An approval under way is not filtered out: the withdrawal itself says why not.
    public func withdrawableRequests(of member: String) async throws -> [WorkflowRecord] {
        try await WorkflowTable.pending(filedOrOrganizedBy: member, on: pool)
    }

    /// The first `limit` ACTIVE loans by end date, the soonest ending first: what the live board
    /// shows before the rest when it cannot show them all.
    public func activeLoansEndingFirst(limit: Int) async throws -> [WorkflowRecord] {
        try await WorkflowTable.activeEnding(before: .distantFuture, limit: limit, on: pool)
    }

    // MARK: Pages for the moderators' list and autocomplete

    /// The `limit` requests with `status` after the id `after`, oldest first.
    public func workflows(status: WorkflowStatus, after: Int = 0, limit: Int) async throws -> [WorkflowRecord] {
        try await WorkflowTable.list(status: status, after: after, limit: limit, on: pool)
    }

    /// The `limit` requests with `status` just before the id `before`, oldest first.
    public func workflows(status: WorkflowStatus, before: Int, limit: Int) async throws -> [WorkflowRecord] {
        try await WorkflowTable.list(status: status, before: before, limit: limit, on: pool)
    }

    /// How many requests have `status`.
    public func count(status: WorkflowStatus) async throws -> Int {
        try await WorkflowTable.count(status: status, on: pool)
    }

    /// Requests with one of `statuses` whose id starts with `text` or (unless `idsOnly`) whose
    /// purpose contains it.
    public func search(statuses: [WorkflowStatus], matching text: String, idsOnly: Bool, limit: Int) async throws -> [WorkflowRecord] {
        try await WorkflowTable.search(statuses: statuses, matching: text, idsOnly: idsOnly, limit: limit, on: pool)
    }

    // MARK: The server pool

    /// Every binding in alias order.
    public func serverBindings() async throws -> [ServerBindingRecord] {
        try await ServerBindingTable.list(on: pool)
    }

    /// Every binding in alias order with the request that holds its server.
    public func serverBindingsWithHolders() async throws -> [BindingUsage] {
        try await ServerBindingTable.listWithHolders(on: pool)
    }

    /// The binding with this alias, nil when there is none.
    public func serverBinding(named alias: String) async throws -> ServerBindingRecord? {
        try await ServerBindingTable.find(name: alias, on: pool)
    }

    /// The alias of a panel server, nil when no binding points at it.
    public func serverAlias(of pteroId: String) async throws -> String? {
        try await ServerBindingTable.alias(of: pteroId, on: pool)
    }

    /// The PENDING or ACTIVE request holding a panel server, if any.
    public func holder(of pteroId: String) async throws -> WorkflowRecord? {
        try await WorkflowTable.holder(of: pteroId, on: pool)
    }

    // MARK: Panel accounts

    /// The panel account the bot made for a member, nil when it made none.
    public func panelAccount(of discordId: String) async throws -> PterodactylUserRecord? {
        try await PterodactylUserTable.find(discordId: discordId, on: pool)
    }

    /// Whether a panel account the bot made already has this username.
    public func isUsernameTaken(_ username: String) async throws -> Bool {
        try await PterodactylUserTable.find(username: username, on: pool) != nil
    }

    /// Those of `discordIds` who have a panel account the bot made.
    public func membersWithAccount(_ discordIds: [String]) async throws -> Set<String> {
        Set(try await PterodactylUserTable.list(discordIds: discordIds, on: pool).map(\.discordId))
    }
}
