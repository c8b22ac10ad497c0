public import Postgres

/// Where a lending request stands; the PostgreSQL enum `"WorkflowStatus"`.
public enum WorkflowStatus: String, PostgresEnum, CaseIterable, Sendable {
    /// Filed, waiting for a moderator.
    case pending = "PENDING"
    /// Refused by a moderator; final.
    case rejected = "REJECTED"
    /// Approved: a server is lent.
    case active = "ACTIVE"
    /// The loan ended and the server was taken back; final.
    case returned = "RETURNED"
}
