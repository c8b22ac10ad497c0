public import Logging

/// A bounded set of sessions shared by the whole process.
///
/// At most `maximumConnections` sessions are open; a caller that finds none free waits in line, and
/// a returned session goes to the longest waiter first, so nobody starves under load. Sessions are
/// opened lazily and kept; each reconnects by itself after a server restart.
public final class PostgresPool: Sendable {
    public let configuration: ConnectionConfiguration
    public let maximumConnections: Int
    private let line: ConnectionLine

    public init(_ configuration: ConnectionConfiguration, maximumConnections: Int = 4, logger: Logger) {
        precondition(maximumConnections > 0, "a pool needs at least one connection")
        self.configuration = configuration
        self.maximumConnections = maximumConnections
        self.line = ConnectionLine(configuration: configuration, maximumConnections: maximumConnections, logger: logger)
    }

    /// Lends a session to `body` and takes it back afterwards, rolling back any transaction `body`
    /// left open. `body` runs in the caller's isolation.
    @discardableResult
    public func withConnection<Result>(
        isolation: isolated (any Actor)? = #isolation,
        _ body: (PostgresConnection) async throws -> sending Result
    ) async throws -> sending Result {
        try await withConnection(resettingAfterwards: true, body)
    }

    /// `resettingAfterwards: false` is for a `body` that leaves the session idle itself on every
    /// path (a transaction that commits or rolls back), and saves asking the session's thread again.
    func withConnection<Result>(
        isolation: isolated (any Actor)? = #isolation,
        resettingAfterwards: Bool,
        _ body: (PostgresConnection) async throws -> sending Result
    ) async throws -> sending Result {
        let connection = try await line.lease()
        do {
            let result = try await body(connection)
            if resettingAfterwards { await connection.prepareForReuse() }
            await line.release(connection)
            return result
        } catch {
            if resettingAfterwards { await connection.prepareForReuse() }
            await line.release(connection)
            throw error
        }
    }

    /// Runs one statement on any free session.
    @discardableResult
    public func query(_ query: Query) async throws -> QueryResult {
        // The session is made ready for the next borrower in the same visit to its thread.
        try await withConnection(resettingAfterwards: false) { connection in try await connection.queryThenReset(query) }
    }

    /// Runs one statement under `name` on any free session.
    @discardableResult
    public func query(_ query: Query, named name: String) async throws -> QueryResult {
        try await self.query(query.named(name))
    }

    /// Runs SQL text that may hold several statements and takes no parameters, on any free session.
    @discardableResult
    public func executeScript(_ sql: String, name: String) async throws -> QueryResult {
        try await withConnection { connection in try await connection.executeScript(sql, name: name) }
    }

    /// Closes the pool: waiters fail with `.poolClosed`, idle sessions end, busy ones end on return.
    public func close() async {
        await line.close()
    }
}

/// The pool's bookkeeping: idle sessions, how many are open, and who waits, in order.
private actor ConnectionLine {
    private let configuration: ConnectionConfiguration
    private let maximumConnections: Int
    private let logger: Logger

    private var idle: [PostgresConnection] = []
    private var openCount = 0
    private var waiters: [Waiter] = []
    private var nextWaiterID = 0
    private var isClosed = false

    /// What a waiter is handed: a free session, or a free slot to open one in.
    private enum Grant {
        case connection(PostgresConnection)
        case slot
    }

    private struct Waiter {
        let id: Int
        let continuation: CheckedContinuation<Grant, any Error>
    }

    init(configuration: ConnectionConfiguration, maximumConnections: Int, logger: Logger) {
        self.configuration = configuration
        self.maximumConnections = maximumConnections
        self.logger = logger
    }

    private var closedError: PostgresError {
        PostgresError(.poolClosed, operation: "lease connection", message: "the pool was closed")
    }

    func lease() async throws -> PostgresConnection {
        guard !isClosed else { throw closedError }
        if let connection = idle.popLast() {
            return connection
        }
        if openCount < maximumConnections {
            openCount += 1
            return try await openInReservedSlot()
        }
        switch try await waitForGrant() {
        case .connection(let connection):
            return connection
        case .slot:
            return try await openInReservedSlot()
        }
    }

    func release(_ connection: PostgresConnection) {
        if isClosed {
            openCount -= 1
        } else if !waiters.isEmpty {
            waiters.removeFirst().continuation.resume(returning: .connection(connection))
        } else {
            idle.append(connection)
        }
    }

    func close() {
        isClosed = true
        let pending = waiters
        waiters.removeAll()
        for waiter in pending {
            waiter.continuation.resume(throwing: closedError)
        }
        openCount -= idle.count
        idle.removeAll()
    }

    /// Opens a session in a slot already counted in `openCount`; on failure the slot passes to the
    /// next waiter, who tries for itself (so a down server fails every caller instead of hanging one).
    private func openInReservedSlot() async throws -> PostgresConnection {
        do {
            return try await PostgresConnection.connect(configuration, logger: logger)
        } catch {
            if !waiters.isEmpty, !isClosed {
                waiters.removeFirst().continuation.resume(returning: .slot)
            } else {
                openCount -= 1
            }
            throw error
        }
    }

    private func waitForGrant() async throws -> Grant {
        let id = nextWaiterID
        nextWaiterID += 1
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                if Task.isCancelled {
                    continuation.resume(throwing: CancellationError())
                } else {
                    waiters.append(Waiter(id: id, continuation: continuation))
                }
            }
        } onCancel: {
            Task { await self.cancelWaiter(id) }
        }
    }

    private func cancelWaiter(_ id: Int) {
        guard let index = waiters.firstIndex(where: { $0.id == id }) else { return }
        waiters.remove(at: index).continuation.resume(throwing: CancellationError())
    }
}
