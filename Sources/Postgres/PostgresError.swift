/// The one error type of the `Postgres` module.
///
/// `description` is safe for any log or reply: it never holds the password from `DATABASE_URL` nor
/// the server's DETAIL line, which can echo row values; DETAIL is only in `debugDescription`.
public struct PostgresError: Error, Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// `DATABASE_URL` is neither a `postgresql://` URI nor a libpq keyword string.
        case invalidConnectionString
        /// No session could be opened: unreachable server, refused credentials, unknown database.
        case connectionFailed
        /// The session broke while a statement was in flight; its outcome is unknown.
        case connectionLost
        /// The session's prepared copy of a statement was out of date (a migration changed the
        /// columns it returns, or the server forgot it); the statement did not run, and is prepared
        /// again on its next use.
        case staleStatement
        /// The server rejected a statement.
        case server(SQLState)
        /// A column held something the requested Swift type cannot represent.
        case decoding(column: String)
        /// The pool was closed before a connection became free.
        case poolClosed
        /// The migrations folder is missing or not readable.
        case migrationsNotFound(path: String)
        /// A migration folder is malformed (no migration.sql, or a lock file for another provider).
        case invalidMigration(name: String)
        /// An applied migration's file no longer matches the checksum recorded when it ran.
        case migrationChanged(name: String)
        /// `_prisma_migrations` records a migration that started and never finished.
        case migrationIncomplete(name: String)
        /// A pending migration failed; its transaction was rolled back.
        case migrationFailed(name: String)
    }

    public let kind: Kind
    /// What was being done: a statement's name such as "insert workflow", or "connect".
    public let operation: String
    /// The server's or libpq's primary message, with the password removed.
    public let message: String
    /// The server's DETAIL and HINT lines; may contain row values, so only in `debugDescription`.
    public let detail: String?
    /// The constraint named by the server, for unique and foreign-key violations.
    public let constraint: String?

    public init(_ kind: Kind, operation: String, message: String, detail: String? = nil, constraint: String? = nil) {
        self.kind = kind
        self.operation = operation
        self.message = message
        self.detail = detail
        self.constraint = constraint
    }

    public var sqlState: SQLState? {
        if case .server(let state) = kind { return state }
        return nil
    }

    public var description: String {
        switch kind {
        case .server(let state):
            return "PostgreSQL error \(state) in \"\(operation)\": \(message)"
        case .decoding(let column):
            return "cannot decode column \"\(column)\" in \"\(operation)\": \(message)"
        case .migrationChanged(let name):
            return "migration \(name) was changed after it was applied: \(message)"
        case .migrationIncomplete(let name):
            return "migration \(name) started earlier and never finished: \(message)"
        case .migrationFailed(let name):
            return "migration \(name) failed and was rolled back: \(message)"
        case .invalidMigration(let name):
            return "migration \(name) is malformed: \(message)"
        case .migrationsNotFound(let path):
            return "migrations folder \(path): \(message)"
        case .connectionFailed:
            return "cannot connect to the database (\(operation)): \(message)"
        case .staleStatement:
            return "\(operation): \(message) (the session's prepared copy of the statement was out of date)"
        case .invalidConnectionString, .connectionLost, .poolClosed:
            return "\(operation): \(message)"
        }
    }

    public var debugDescription: String {
        var text = description
        if let constraint { text += " [constraint \(constraint)]" }
        if let detail { text += " [\(detail)]" }
        return text
    }
}
