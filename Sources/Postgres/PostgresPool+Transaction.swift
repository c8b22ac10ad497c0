/// Statements inside one transaction, on the session the pool lent for it.
public struct Transaction: Sendable {
    let connection: PostgresConnection

    @discardableResult
    public func query(_ query: Query) async throws(PostgresError) -> QueryResult {
        try await connection.query(query)
    }

    /// Runs one statement under `name`, which errors and logs show.
    @discardableResult
    public func query(_ query: Query, named name: String) async throws(PostgresError) -> QueryResult {
        try await connection.query(query.named(name))
    }

    /// Queues a statement whose result nobody reads (a row written for the record): it goes to the
    /// server with the transaction's next statement, or with its COMMIT, in the same round trip,
    /// so it costs no wait of its own. If it fails, that statement or the commit throws its error
    /// (under its name) and the transaction is rolled back, as for any failure.
    public func queue(_ query: Query, named name: String) async {
        await connection.queue(query.named(name))
    }
}

extension PostgresPool {
    /// Runs `body` in a transaction: committed when it returns, rolled back when anything throws.
    ///
    /// A serialization failure or deadlock (SQLSTATE 40001, 40P01), and a session lost before the
    /// COMMIT was sent, leave nothing behind, so `body` is run again, at most `maxAttempts` times in all,
    /// after a short random pause. `body` may therefore run more than once: it must only talk to the
    /// database. A session lost during COMMIT is not retried, since the commit may have happened.
    @discardableResult
    public func withTransaction<Result>(
        isolation: isolated (any Actor)? = #isolation,
        _ level: IsolationLevel = .readCommitted,
        maxAttempts: Int = 5,
        _ body: (Transaction) async throws -> sending Result
    ) async throws -> sending Result {
        var attempt = 1
        while true {
            do {
                return try await withConnection { connection in
                    await connection.begin(level)
                    let result: Result
                    do {
                        result = try await body(Transaction(connection: connection))
                    } catch {
                        await connection.rollback()
                        throw error
                    }
                    do throws(PostgresError) {
                        try await connection.commit()
                    } catch {
                        throw CommitFailure(error: error)
                    }
                    return result
                }
            } catch let error as PostgresError where attempt < maxAttempts && error.allowsTransactionRetry {
                attempt += 1
                try await Task.sleep(for: .milliseconds(Int.random(in: 2...20) * attempt))
            } catch let failure as CommitFailure {
                if attempt < maxAttempts, failure.error.sqlState?.isTransientTransactionFailure == true {
                    attempt += 1
                    continue
                }
                throw failure.error
            }
        }
    }
}

/// Marks an error raised by COMMIT, where a lost session must not be retried.
private struct CommitFailure: Error {
    let error: PostgresError
}

extension PostgresError {
    /// The transaction certainly did not commit and running it again is sound.
    fileprivate var allowsTransactionRetry: Bool {
        kind == .connectionLost || sqlState?.isTransientTransactionFailure == true
    }
}
