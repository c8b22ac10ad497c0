public import Foundation

/// What a durable task was asked to do: the `"LendingTask"."input"` column, decoded once when
/// the row is read (`TaskRecord.input`) and handed to the task's handler as `TaskContext.input`.
/// Its stored form, and the versions a bot reads, are in `TaskInput+Stored.swift`.
public enum TaskInput: Sendable, Equatable {
    case approve(ApprovalInput)
    case returnLoan(ReturnInput)
    case release(ReleaseInput)
    case panelUsers(PanelUsersInput)

    /// The kind of task this input is for; the task row's `"kind"`.
    public var kind: TaskKind {
        switch self {
        case .approve: .approve
        case .returnLoan: .returnLoan
        case .release: .release
        case .panelUsers: .panelUsers
        }
    }
}

/// An approval's input, fixed when the moderator approved.
public struct ApprovalInput: Codable, Sendable, Equatable {
    /// When the approval was asked for (the loan starts later, at its activation).
    public var approvedAt: Date
    /// The alias of the server the approval reserved, as people know it (`server01`).
    public var serverAlias: String
    /// Discord id of each panel user without a panel account → the username chosen for the
    /// account the approval creates. Open approvals hold these names: no other approval may
    /// choose one of them (`TaskTable.openApprovals`).
    public var usernames: [String: String]

    public init(approvedAt: Date, serverAlias: String, usernames: [String: String]) {
        self.approvedAt = approvedAt
        self.serverAlias = serverAlias
        self.usernames = usernames
    }
}

/// A return's input.
public struct ReturnInput: Codable, Sendable, Equatable {
    /// When the organizer, a moderator or the scheduler asked for the return.
    public var requestedAt: Date
    /// A moderator's choice for this one return (`checkout return archive:false`): the backups
    /// are not archived (they are still deleted, so the next renter never sees them). Absent in
    /// the inputs written before the option existed, which archive.
    public var skipArchive: Bool?
    /// A moderator's choice for this one return (`checkout return reset:false`): the server's
    /// files are left as they are instead of `RESET_MODE`.
    public var skipReset: Bool?

    public init(requestedAt: Date, skipArchive: Bool = false, skipReset: Bool = false) {
        self.requestedAt = requestedAt
        self.skipArchive = skipArchive ? true : nil
        self.skipReset = skipReset ? true : nil
    }

    /// Whether the return archives the loan's backups (when an archive is configured).
    public var archives: Bool { skipArchive != true }
    /// Whether the return resets the server.
    public var resets: Bool { skipReset != true }
}

/// A change of an ACTIVE loan's panel users, fixed when the moderator made it. The added users'
/// rows are stored with the change; the removed users' rows stay until the task has revoked their
/// access, so a return that supersedes an unfinished change still revokes them.
public struct PanelUsersInput: Codable, Sendable, Equatable {
    public var changedAt: Date
    public var serverAlias: String
    public var added: [String]
    public var removed: [String]
    /// Discord id of each added user without a panel account → the username chosen for it. Held
    /// like an approval's while the task is open (`TaskTable.openApprovals`).
    public var usernames: [String: String]

    public init(changedAt: Date, serverAlias: String, added: [String], removed: [String], usernames: [String: String]) {
        self.changedAt = changedAt
        self.serverAlias = serverAlias
        self.added = added
        self.removed = removed
        self.usernames = usernames
    }
}

/// A release's input: a release needs nothing but its request and server, which the task row holds.
public struct ReleaseInput: Codable, Sendable, Equatable {
    public init() {}
}

/// A task row whose input this bot cannot read: not written by any release it knows, or written
/// by a newer one. The runner fails such a task for good, with this as the moderators' message.
public struct TaskInputError: Error, Sendable, Equatable, CustomStringConvertible {
    public let kind: TaskKind
    public let reason: String

    public var description: String {
        "the \(kind.rawValue) task's input cannot be read (\(reason)); the task was not run"
    }
}
