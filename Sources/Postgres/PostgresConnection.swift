public import Logging

/// One PostgreSQL session, owned by an actor that runs on a thread of its own.
///
/// libpq blocks while a statement runs; the actor's executor is a dedicated thread
/// (`ThreadExecutor`), so those waits never hold one of Swift's cooperative threads.
/// An idle session that the server dropped (a restart, an administrator's kill) is reopened before
/// the next statement; a session lost inside a transaction is not, because the statements after it
/// would silently run outside that transaction.
public actor PostgresConnection {
    private let executor: ThreadExecutor
    private let configuration: ConnectionConfiguration
    private let logger: Logger
    private var session: LibPQConnection?
    /// True between the BEGIN that was sent and `commit`/`rollback`, whatever became of the session meanwhile.
    private var isInTransactionBlock = false

    public nonisolated var unownedExecutor: UnownedSerialExecutor {
        executor.asUnownedSerialExecutor()
    }

    /// The session's thread, for code that talks to this session alone and had better run there.
    nonisolated var taskExecutor: any TaskExecutor { executor }

    /// Opens a session; throws `.connectionFailed` with libpq's reason (never the password).
    public static func connect(_ configuration: ConnectionConfiguration, logger: Logger) async throws(PostgresError) -> PostgresConnection {
        let connection = PostgresConnection(configuration: configuration, logger: logger)
        try await connection.open()
        return connection
    }

    private init(configuration: ConnectionConfiguration, logger: Logger) {
        self.executor = ThreadExecutor(name: "postgres \(configuration.description)")
        self.configuration = configuration
        var logger = logger
        logger[metadataKey: "postgres.server"] = "\(configuration)"
        self.logger = logger
    }

    deinit {
        executor.shutdown()
    }

    private func open() throws(PostgresError) {
        session = try LibPQConnection.connect(configuration, logger: logger).get()
    }

    /// The session, reopened first if the server dropped it while it was idle.
    private func usableSession(for operation: String) throws(PostgresError) -> LibPQConnection {
        if let session, session.isUsable() {
            return session
        }
        if isInTransactionBlock {
            throw PostgresError(.connectionLost, operation: operation, message: "the session ended inside a transaction")
        }
        if let session {
            logger.info("postgres session lost, reconnecting", metadata: ["postgres.operation": "\(operation)"])
            try session.reset().get()
            return session
        }
        let fresh = try LibPQConnection.connect(configuration, logger: logger).get()
        session = fresh
        return fresh
    }

    /// Runs one statement with its values bound as parameters.
    @discardableResult
    public func query(_ query: Query) throws(PostgresError) -> QueryResult {
        try self.query(query, after: [], opening: false)
    }

    /// Runs one statement under `name`, which errors and logs show.
    @discardableResult
    public func query(_ query: Query, named name: String) throws(PostgresError) -> QueryResult {
        try self.query(query.named(name))
    }

    /// Runs one statement and leaves the session as the pool expects it (`prepareForReuse`), in
    /// one visit to the session's thread instead of two.
    func queryThenReset(_ query: Query) throws(PostgresError) -> QueryResult {
        defer { prepareForReuse() }
        return try self.query(query)
    }

    /// Runs `query` after `earlier`, all in one round trip; `opening` says that `earlier` holds a
    /// transaction's BEGIN.
    @discardableResult
    func query(_ query: Query, after earlier: [Query], opening: Bool) throws(PostgresError) -> QueryResult {
        try session(sending: earlier.first ?? query, opening: opening).execute(query, after: earlier).get()
    }

    /// Sends `statements` (a transaction's, not empty) in one round trip and returns the results of
    /// those from `firstAnswer` on; `opening` says that they hold the transaction's BEGIN.
    func execute(_ statements: [Query], opening: Bool, answersFrom firstAnswer: Int) throws(PostgresError) -> [QueryResult] {
        try session(sending: statements[0], opening: opening).execute(pipeline: statements, answers: statements.count - firstAnswer).get()
    }

    /// The session for a round trip that starts with `first`; one that sends a transaction's BEGIN
    /// (`opening`) marks the session as inside a transaction from here on. Until the BEGIN is sent
    /// nothing was, so a session lost while idle may still be reopened for it.
    private func session(sending first: Query, opening: Bool) throws(PostgresError) -> LibPQConnection {
        logger.trace("postgres query", metadata: ["postgres.statement": "\(first.name)"])
        let session = try usableSession(for: first.name)
        if opening { isInTransactionBlock = true }
        return session
    }

    /// Runs SQL text that may hold several statements and takes no parameters (a migration file).
    @discardableResult
    public func executeScript(_ sql: String, name: String) throws(PostgresError) -> QueryResult {
        try usableSession(for: name).executeScript(sql, name: name).get()
    }

    /// Commits the open transaction, sending `earlier` (its statements not yet sent) first in the
    /// same round trip, and returns the results of those from `firstAnswer` on.
    func commit(after earlier: [Query], opening: Bool, answersFrom firstAnswer: Int) throws(PostgresError) -> [QueryResult] {
        defer { isInTransactionBlock = false }
        let results = try execute(earlier + [Query(unsafeSQL: "COMMIT").named("commit transaction")], opening: opening, answersFrom: firstAnswer)
        return Array(results.dropLast())
    }

    /// Ends any open transaction. A session already lost has nothing to roll back: the server
    /// discarded the transaction when the session ended.
    func rollback() {
        defer { isInTransactionBlock = false }
        guard let session, session.isUsable(), session.isInTransaction else { return }
        if case .failure(let error) = session.executeScript("ROLLBACK", name: "rollback transaction") {
            logger.debug("rollback failed", metadata: ["postgres.error": "\(error)"])
        }
    }

    /// Leaves the session as the pool expects it: no transaction open.
    func prepareForReuse() {
        if isInTransactionBlock || session?.isInTransaction == true {
            rollback()
        }
    }
}

/// The isolation level a transaction starts with (`BEGIN ISOLATION LEVEL …`).
public enum IsolationLevel: Sendable {
    case readCommitted
    case repeatableRead
    case serializable

    var begin: String { "BEGIN ISOLATION LEVEL \(sql)" }

    var sql: String {
        switch self {
        case .readCommitted: "READ COMMITTED"
        case .repeatableRead: "REPEATABLE READ"
        case .serializable: "SERIALIZABLE"
        }
    }
}
