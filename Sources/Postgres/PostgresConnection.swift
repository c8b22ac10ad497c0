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
    /// A transaction begun but not yet sent: its BEGIN waits in `unsent`.
    private var beginUnsent = false
    /// Statements waiting for the next one, sent with it in one round trip: the BEGIN of a
    /// transaction not yet sent, then those `queue` took.
    private var unsent: [Query] = []

    public nonisolated var unownedExecutor: UnownedSerialExecutor {
        executor.asUnownedSerialExecutor()
    }

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

    /// Runs one statement with its values bound as parameters; a BEGIN not yet sent and the
    /// statements queued before it travel with it, in the same round trip.
    @discardableResult
    public func query(_ query: Query) throws(PostgresError) -> QueryResult {
        logger.trace("postgres query", metadata: ["postgres.statement": "\(query.name)"])
        return try run(query)
    }

    /// Runs one statement under `name`, which errors and logs show.
    @discardableResult
    public func query(_ query: Query, named name: String) throws(PostgresError) -> QueryResult {
        try self.query(query.named(name))
    }

    /// Runs SQL text that may hold several statements and takes no parameters (a migration file).
    @discardableResult
    public func executeScript(_ sql: String, name: String) throws(PostgresError) -> QueryResult {
        // A script cannot share a round trip: what waits to be sent goes first, on its own.
        if let last = unsent.popLast() {
            try run(last)
        }
        return try usableSession(for: name).executeScript(sql, name: name).get()
    }

    /// Sends `query` with everything waiting to be sent before it.
    @discardableResult
    private func run(_ query: Query) throws(PostgresError) -> QueryResult {
        let earlier = unsent
        unsent = []
        let beginning = beginUnsent
        beginUnsent = false
        guard !earlier.isEmpty else { return try usableSession(for: query.name).execute(query).get() }
        // Until the BEGIN is sent nothing was, so a session lost while idle may still be reopened here.
        let session = try usableSession(for: earlier[0].name)
        if beginning { isInTransactionBlock = true }
        return try session.execute(query, after: earlier).get()
    }

    /// Starts a transaction. Its BEGIN is sent with the first statement, in the same round trip.
    func begin(_ isolation: IsolationLevel) {
        beginUnsent = true
        unsent = [Query(unsafeSQL: isolation.begin).named("begin transaction")]
    }

    /// Queues a statement of the open transaction whose result nobody reads: it is sent with the
    /// next statement, or with the COMMIT, and its failure is that statement's or the commit's.
    func queue(_ query: Query) {
        unsent.append(query)
    }

    func commit() throws(PostgresError) {
        // A transaction that sent and queued nothing never reached the server: nothing to commit.
        if beginUnsent, unsent.count == 1 {
            beginUnsent = false
            unsent = []
            return
        }
        defer { isInTransactionBlock = false }
        try run(Query(unsafeSQL: "COMMIT").named("commit transaction"))
    }

    /// Ends any open transaction. A session already lost has nothing to roll back: the server
    /// discarded the transaction when the session ended.
    func rollback() {
        beginUnsent = false
        unsent = []
        defer { isInTransactionBlock = false }
        guard let session, session.isUsable(), session.isInTransaction else { return }
        if case .failure(let error) = session.executeScript("ROLLBACK", name: "rollback transaction") {
            logger.debug("rollback failed", metadata: ["postgres.error": "\(error)"])
        }
    }

    /// Leaves the session as the pool expects it: no transaction open.
    func prepareForReuse() {
        if !unsent.isEmpty || isInTransactionBlock || session?.isInTransaction == true {
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
