public import Foundation

/// Sends the workflow's notices. The bot renders them (language, embeds, buttons) and decides
/// where they go: a direct message to a person, or the moderators' notify channel.
public protocol LendingNotifier: Sendable {
    /// Delivers `notice`. `deduplicationKey` is the same on every retry of one notice, so a
    /// transport with idempotency support (Discord's message nonce) can drop a repeat.
    func deliver(_ notice: LendingNotice, deduplicationKey: String) async throws

    /// False when the moderators have nowhere to be told (a guild that set no channel for them):
    /// a notice meant for them alone, a new request's post, is then not queued at all, rather
    /// than stored, read back and dropped for every request.
    var tellsModerators: Bool { get }
}

extension LendingNotifier {
    public var tellsModerators: Bool { true }
}

/// Something that happened to a loan that a person must hear about.
public enum LendingNotice: Sendable, Equatable {
    /// To the moderators: a member filed a request, which waits for their decision.
    case requestFiled(FiledRequest)
    /// To the organizer: the loan is approved and runs on this server.
    case loanApproved(LoanSummary, organizer: String)
    /// To a panel user: they have access to the server; `/mcserver reset-password` gives them
    /// a password.
    case panelAccessGranted(LoanSummary, panelUser: String, username: String)
    /// To the organizer: the loan ends soon.
    case returnReminder(LoanSummary, organizer: String, daysLeft: Int)
    /// To the moderators: the organizer extended their loan themselves by `days`, from
    /// `previousEnd` to the summary's end date.
    case loanExtendedByOrganizer(LoanSummary, previousEnd: Date?, days: Int)
    /// To the moderators: a moderator (`by`) moved an ACTIVE loan's end from `previousEnd` to the
    /// summary's end date.
    case loanExtendedByModerator(LoanSummary, previousEnd: Date?, by: String)
    /// To the moderators: the applicant or organizer (`by`) withdrew their PENDING request, and
    /// any server it held is free again.
    case requestWithdrawn(LoanSummary, by: String)
    /// To the moderators: a loan has passed its end date (`EXPIRY_ACTION=notify`).
    case loanExpired(LoanSummary)
    /// To the organizer or a panel user: the loan was returned and where its data went.
    case loanReturned(LoanSummary, recipient: String, archive: ArchiveOutcome)
    /// To the moderators: the loan was returned (by its organizer, a moderator or the scheduler)
    /// and where its data went, once per return.
    case loanReturnedToModerators(LoanSummary, archive: ArchiveOutcome)
    /// To the applicant: the request was rejected by a moderator (`by`), with the reason if one
    /// was given.
    case requestRejected(LoanSummary, applicant: String, reason: String?, by: String)
    /// To the moderators (and the moderator who approved): how far the preparation of an
    /// approved request's server has got. Best effort: a lost progress notice changes nothing.
    case approvalProgress(ApprovalProgress)
    /// To the moderators: a task stopped for good; a moderator can retry it.
    case taskFailed(TaskFailureSummary)
}

/// A request as filed: what the moderators need to decide on it.
public struct FiledRequest: Sendable, Equatable {
    public var workflow: WorkflowRecord
    public var panelUsers: [String]
    /// The panel users who already have a panel account; the others need a username at approval.
    public var panelUsersWithAccount: Set<String>

    public init(workflow: WorkflowRecord, panelUsers: [String], panelUsersWithAccount: Set<String>) {
        self.workflow = workflow
        self.panelUsers = panelUsers
        self.panelUsersWithAccount = panelUsersWithAccount
    }
}

/// One stage of preparing a server for an approved request.
public struct ApprovalProgress: Sendable, Equatable {
    public enum Stage: Sendable, Equatable {
        /// Stopping the server and setting its version and image.
        case preparing
        /// The egg's install script runs `version` on an image with `java`.
        case installing(version: String, java: Int)
        case starting
        /// Access granted and the loan ACTIVE; players connect at `address`.
        case ready(version: String, address: String?)
    }

    public var workflowId: Int
    public var taskId: Int
    public var serverAlias: String
    /// The moderator who approved.
    public var moderator: String
    public var stage: Stage
}

/// The facts every loan notice shows.
public struct LoanSummary: Sendable, Equatable {
    public var workflowId: Int
    public var description: String
    public var organizerDiscordId: String
    public var panelUserDiscordIds: [String]
    /// The server's alias (ServerBinding name), or its panel id when no alias points at it.
    public var serverAlias: String?
    /// Where players connect, `host:port`.
    public var connectionAddress: String?
    public var startDate: Date?
    public var endDate: Date?
    /// The Minecraft version: as requested before approval (`latest` included), the installed
    /// release from the approval on.
    public var mcVersion: String?

    public init(workflowId: Int, description: String, organizerDiscordId: String, panelUserDiscordIds: [String],
                serverAlias: String?, connectionAddress: String?, startDate: Date?, endDate: Date?, mcVersion: String? = nil) {
        self.workflowId = workflowId
        self.description = description
        self.organizerDiscordId = organizerDiscordId
        self.panelUserDiscordIds = panelUserDiscordIds
        self.serverAlias = serverAlias
        self.connectionAddress = connectionAddress
        self.startDate = startDate
        self.endDate = endDate
        self.mcVersion = mcVersion
    }
}

/// What became of a returned loan's data.
public enum ArchiveOutcome: Sendable, Equatable {
    /// `ARCHIVE_TARGET` is empty: nothing was kept.
    case notConfigured
    /// The backups were stored under `folder` of `target`.
    case archived(target: String, folder: String, files: Int, bytes: Int64)
    /// A moderator chose, for this return, not to archive (`ReturnInput.skipArchive`).
    case skipped
}

/// A task that will not be retried without a moderator.
public struct TaskFailureSummary: Sendable, Equatable {
    public var taskId: Int
    public var kind: TaskKind
    public var workflowId: Int
    /// The last failure, in words a moderator can act on.
    public var message: String
    public var attempts: Int

    public init(taskId: Int, kind: TaskKind, workflowId: Int, message: String, attempts: Int) {
        self.taskId = taskId
        self.kind = kind
        self.workflowId = workflowId
        self.message = message
        self.attempts = attempts
    }
}
