import Synchronization

/// Statements inside one transaction, on the session the pool lent for it.
///
/// Nothing is sent until a statement's result is needed: the BEGIN and the statements `queue` and
/// `queueReading` took wait here and travel with the next `query`, or with the COMMIT, in one round
/// trip. So a transaction costs one trip to the session's thread, and one wait for the server, per
/// statement whose result it needs before it goes on and for its COMMIT, and none for the rest.
public struct Transaction: Sendable {
    let connection: PostgresConnection
    private let unsent: UnsentStatements

    init(connection: PostgresConnection, isolation: IsolationLevel) {
        self.connection = connection
        self.unsent = UnsentStatements(begin: Query(unsafeSQL: isolation.begin).named("begin transaction"))
    }

    @discardableResult
    public func query(_ query: Query) async throws(PostgresError) -> QueryResult {
        try await send(then: [query])[0]
    }

    /// Runs one statement under `name`, which errors and logs show.
    @discardableResult
    public func query(_ query: Query, named name: String) async throws(PostgresError) -> QueryResult {
        try await self.query(query.named(name))
    }

    /// Runs two statements that do not depend on each other in one round trip (with what was
    /// queued before them) and returns both results; a failure of either is thrown.
    public func query(_ first: Query, named firstName: String, _ second: Query, named secondName: String)
        async throws(PostgresError) -> (QueryResult, QueryResult)
    {
        let results = try await send(then: [first.named(firstName), second.named(secondName)])
        return (results[0], results[1])
    }

    /// Queues a statement whose result nobody reads (a row written for the record): it goes to the
    /// server with the transaction's next statement, or with its COMMIT, in the same round trip,
    /// so it costs no wait of its own. If it fails, that statement or the commit throws its error
    /// (under its name) and the transaction is rolled back, as for any failure.
    public func queue(_ query: Query, named name: String) {
        unsent.append(query.named(name))
    }

    /// Queues a statement whose result is read once it was sent: with the transaction's next
    /// statement or with its COMMIT. A body that ends with such statements returns their results
    /// to its caller, who reads them after the commit, so a transaction that writes a row and
    /// then rows that refer to it (in SQL, by the row's sequence) costs one round trip for all of
    /// them and the COMMIT instead of one for the row and one for the rest.
    public func queueReading(_ query: Query, named name: String) -> QueuedResult {
        let result = QueuedResult(statementName: name)
        unsent.append(query.named(name), reader: result)
        return result
    }

    /// Runs SQL text that may hold several statements (a migration file); what waits to be sent goes
    /// first, on its own, since a script cannot share a round trip.
    func executeScript(_ sql: String, name: String) async throws(PostgresError) {
        _ = try await send(then: [])
        try await connection.executeScript(sql, name: name)
    }

    /// Commits what was sent and queued. A transaction that sent and queued nothing never reached
    /// the server: there is nothing to commit.
    func commit() async throws(PostgresError) {
        let batch = unsent.take()
        guard !(batch.opening && batch.statements.count == 1) else { return }
        batch.hand(try await connection.commit(after: batch.statements, opening: batch.opening, answersFrom: batch.firstAnswer))
    }

    /// Drops what was queued and rolls back what was sent, if anything was.
    func rollback() async {
        let batch = unsent.take()
        guard !batch.opening else { return }
        await connection.rollback()
    }

    /// Sends what waits, then `following`, in one round trip; returns the results of `following`
    /// and hands queued readers theirs.
    private func send(then following: [Query]) async throws(PostgresError) -> [QueryResult] {
        let batch = unsent.take()
        let statements = batch.statements + following
        guard !statements.isEmpty else { return [] }
        let results = try await connection.execute(statements, opening: batch.opening, answersFrom: batch.firstAnswer)
        batch.hand(results)
        return Array(results.suffix(following.count))
    }
}

/// The result of a statement queued with `Transaction.queueReading`, there once the statement
/// was sent.
public final class QueuedResult: Sendable {
    private let statementName: String
    private let value = Mutex<QueryResult?>(nil)

    init(statementName: String) {
        self.statementName = statementName
    }

    /// The statement's result. Reading it before the transaction sent the statement (inside the
    /// body that queued it, with nothing sent since) is a mistake in the caller's code.
    public func get() -> QueryResult {
        guard let result = value.withLock({ $0 }) else {
            preconditionFailure("the result of \"\(statementName)\" was read before its transaction sent it")
        }
        return result
    }

    fileprivate func set(_ result: QueryResult) {
        value.withLock { $0 = result }
    }
}

/// A transaction's statements not yet sent. The transaction's body may hand it to child tasks,
/// hence a lock rather than an actor: taking the list must not cost a hop of its own.
private final class UnsentStatements: Sendable {
    private struct State {
        var statements: [Query]
        var readers: [Batch.Reader] = []
        var beginUnsent = true
    }

    /// What one round trip sends of them.
    struct Batch {
        struct Reader {
            let index: Int
            let result: QueuedResult
        }

        let statements: [Query]
        let readers: [Reader]
        /// The BEGIN is among the statements.
        let opening: Bool

        /// The first statement whose result the round trip must return: the first reader's, or,
        /// when none is waiting, the first of the statements sent after these.
        var firstAnswer: Int {
            readers.first?.index ?? statements.count
        }

        /// Gives each reader its result from `results`, those of the statements from `firstAnswer` on.
        func hand(_ results: [QueryResult]) {
            for reader in readers {
                reader.result.set(results[reader.index - firstAnswer])
            }
        }
    }

    private let state: Mutex<State>

    init(begin: Query) {
        state = Mutex(State(statements: [begin]))
    }

    func append(_ query: Query, reader: QueuedResult? = nil) {
        state.withLock { state in
            if let reader { state.readers.append(Batch.Reader(index: state.statements.count, result: reader)) }
            state.statements.append(query)
        }
    }

    func take() -> Batch {
        state.withLock { state in
            defer {
                state.statements = []
                state.readers = []
                state.beginUnsent = false
            }
            return Batch(statements: state.statements, readers: state.readers, opening: state.beginUnsent)
        }
    }
}

extension PostgresPool {
    /// Runs `body` in a transaction: committed when it returns, rolled back when anything throws.
    ///
    /// A serialization failure or deadlock (SQLSTATE 40001, 40P01), a statement whose prepared copy
    /// was out of date, and a session lost before the COMMIT was sent, leave nothing behind, so
    /// `body` is run again, at most `maxAttempts` times in all, after a short random pause. `body`
    /// may therefore run more than once: it must only talk to the database. A session lost during
    /// COMMIT is not retried, since the commit may have happened.
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
                // The transaction leaves the session as the pool expects it (committed, or rolled
                // back), so the pool need not ask the session again.
                return try await withConnection(resettingAfterwards: false) { connection in
                    let transaction = Transaction(connection: connection, isolation: level)
                    // Between its statements the body waits on nothing but this session, so,
                    // unless it is isolated to an actor of the caller's, it runs on the session's
                    // thread, and so does the COMMIT after it: a statement then costs no hop to
                    // that thread and back, and the whole transaction one hop each way.
                    let sent = try await withTaskExecutorPreference(connection.taskExecutor) {
                        let value: Result
                        do {
                            value = try await body(transaction)
                        } catch {
                            await transaction.rollback()
                            throw error
                        }
                        do throws(PostgresError) {
                            try await transaction.commit()
                        } catch {
                            await connection.rollback()
                            throw CommitFailure(error: error)
                        }
                        return Sent(value: value)
                    }
                    return sent.take()
                }
            } catch let error as PostgresError where attempt < maxAttempts && error.allowsTransactionRetry {
                attempt += 1
                try await Task.sleep(for: .milliseconds(Int.random(in: 2...20) * attempt))
            } catch let failure as CommitFailure {
                // A statement queued for the COMMIT that failed means the COMMIT never ran.
                if attempt < maxAttempts, failure.error.kind == .staleStatement || failure.error.sqlState?.isTransientTransactionFailure == true {
                    attempt += 1
                    continue
                }
                throw failure.error
            }
        }
    }
}

/// Carries the body's result out of `withTaskExecutorPreference`, which does not pass on that the
/// result is `sending`: the body hands over a value nothing else holds, and it is taken once.
private final class Sent<Value>: @unchecked Sendable {
    private var value: Value?

    init(value: sending Value) {
        self.value = value
    }

    func take() -> sending Value {
        guard let taken = value else { preconditionFailure("a transaction's result taken twice") }
        value = nil
        return taken
    }
}

/// Marks an error raised by COMMIT, where a lost session must not be retried.
private struct CommitFailure: Error {
    let error: PostgresError
}

extension PostgresError {
    /// The transaction certainly did not commit and running it again is sound.
    fileprivate var allowsTransactionRetry: Bool {
        kind == .connectionLost || kind == .staleStatement || sqlState?.isTransientTransactionFailure == true
    }
}
