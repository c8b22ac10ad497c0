import Lending

extension BoardFacts {
    /// Reads what the board shows through the domain's read side: the soonest-ending loans and
    /// the oldest requests, how many there are in all, and the server pool with its holders.
    static func read(_ queries: LendingQueries) async throws -> BoardFacts {
        BoardFacts(activeLoans: try await queries.activeLoansEndingFirst(limit: BoardMessage.shownLoans),
                   activeCount: try await queries.count(status: .active),
                   pendingRequests: try await queries.workflows(status: .pending, limit: BoardMessage.shownRequests),
                   pendingCount: try await queries.count(status: .pending),
                   servers: try await queries.serverBindingsWithHolders())
    }
}
