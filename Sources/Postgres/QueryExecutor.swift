/// Anything that runs a statement: a pool (any free session), a session, or a transaction.
/// Row-access code takes one of these so the same function works inside and outside a transaction.
public protocol QueryExecutor: Sendable {
    @discardableResult
    func query(_ query: Query, named name: String) async throws -> QueryResult
}

extension PostgresPool: QueryExecutor {}
extension Transaction: QueryExecutor {}
