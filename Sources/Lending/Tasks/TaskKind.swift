public import Postgres

/// What a durable task does; the PostgreSQL enum `"LendingTaskKind"`.
public enum TaskKind: String, PostgresEnum, CaseIterable, Sendable {
    /// Panel accounts, role, sub-users and description for an approved request, then ACTIVE.
    case approve = "APPROVE"
    /// Revoke, delete schedules, stop, archive, delete backups, reset, then RETURNED.
    case returnLoan = "RETURN"
    /// Undo what a failed approval did on the panel after the request was rejected.
    case release = "RELEASE"
    /// A moderator's change of an ACTIVE loan's panel users: accounts and access for the users
    /// added, access revoked for the users removed.
    case panelUsers = "PANEL_USERS"
}

/// Where a durable task stands; the PostgreSQL enum `"LendingTaskState"`.
public enum TaskState: String, PostgresEnum, CaseIterable, Sendable {
    /// Waiting to run, running under a claim, or waiting for its next retry.
    case queued = "QUEUED"
    /// Every step is done.
    case succeeded = "SUCCEEDED"
    /// Stopped after a permanent failure or too many attempts; waits for a moderator.
    case failed = "FAILED"
    /// Given up on purpose (the request was rejected while its approval had failed).
    case cancelled = "CANCELLED"
}
