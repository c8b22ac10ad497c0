import Foundation
import Lending

/// Every text the bot shows, one requirement a text. A language is one type that conforms, in one
/// file of `Catalogues`, and its case in `Language`; the compiler then checks it has every text.
/// Members without words of their own (dates, a member's text on one line) are in
/// `Catalogue+Formatting.swift`, shared by every language.
protocol Catalogue: Sendable {
    /// The language this catalogue speaks.
    var language: Language { get }

    /// The slash commands' names, descriptions and choices in this language, keyed by their
    /// English text (which is what Discord shows in any other language). Registered with Discord
    /// all at once, so a command's texts are looked up by the English one rather than asked of
    /// the catalogue in use. English has none; every other language has every one
    /// (`CatalogueTests`).
    var commandTexts: [String: String] { get }

    // MARK: - Admin
    // Texts of the moderators' workflow commands and review buttons (`Features/Admin`).

    // MARK: Options
    func optionMissing(_ name: String) -> String
    var statusOption: String { get }
    var statusOptionRule: String { get }

    // MARK: List
    func listTitle(_ status: WorkflowStatus) -> String
    func listEmpty(_ status: WorkflowStatus) -> String
    func listFooter(first: Int, last: Int, total: Int) -> String
    var previousPage: String { get }
    var nextPage: String { get }
    func listOrganizer(_ organizer: String, applicant: String?) -> String
    func listPanelUsers(_ users: [String]) -> String
    func listTerms(version: String, days: Int) -> String
    func listReserved(_ alias: String) -> String
    func listLoan(_ alias: String?, start: Date?, end: Date?) -> String

    // MARK: Approval
    func approvalStarted(_ id: Int, server: String, task: Int, by moderator: String) -> String
    /// The approving moderator's reply as the server is prepared.
    func approvalProgress(_ progress: ApprovalProgress) -> String
    func usernamesTitle(_ id: Int, from: Int, to: Int, of total: Int) -> String
    func usernameLabel(_ discordId: String) -> String
    var usernameHint: String { get }
    func usernameInvalid(_ discordId: String, _ name: String) -> String
    func usernameTaken(_ discordId: String, _ name: String) -> String
    func usernamesProgress(_ id: Int, collected: Int, of total: Int) -> String
    var usernamesRetry: String { get }
    var continueButton: String { get }
    func approvalDraftMissing(_ id: Int) -> String

    // MARK: Rejection
    func rejectTitle(_ id: Int) -> String
    var rejectReasonLabel: String { get }
    var rejectReasonHint: String { get }
    func rejected(_ id: Int, by moderator: String, reason: String?) -> String
    var reasonRule: String { get }

    // MARK: Editing
    func editTitle(_ id: Int) -> String
    var periodFixedWhileActive: String { get }
    func edited(_ id: Int, by moderator: String) -> String
    /// `workflow edit` given `type` together with `add` or `remove`.
    var editTypeAlone: String { get }

    // MARK: Tasks
    func taskRequeued(_ task: Int, workflow: Int, by moderator: String) -> String

    // MARK: Autocomplete
    /// A free server offered to approve a request with, and its type.
    func freeServerChoice(_ alias: String, type: String) -> String

    // MARK: - Archives
    // Texts of `/mcserver-admin archive`.
    func noArchives(loan: Int?) -> String
    func archiveListTitle(loan: Int?) -> String
    /// `#row` · loan · size · when: what a moderator needs to pick one for `archive get`.
    func archiveLine(_ archive: ArchiveRecord) -> String
    func andMore(_ count: Int) -> String
    func archiveNotFound(_ id: Int) -> String
    func archiveWhere(_ archive: ArchiveRecord) -> String
    /// An rclone archive's download link, or why none could be made.
    func archiveLink(_ link: ArchiveLink, expiryHours: Int) -> String

    // MARK: - Board
    // Texts of the live board (BOARD_CHANNEL_ID) and its buttons.
    var boardTitle: String { get }
    func boardSummary(active: Int, pending: Int, free: Int, servers: Int) -> String
    func boardActiveHeading(_ count: Int) -> String
    var boardNoActive: String { get }
    func boardPendingHeading(_ count: Int) -> String
    var boardNoPending: String { get }
    var boardFreeHeading: String { get }
    var boardNoFree: String { get }
    func boardMore(_ count: Int) -> String
    func boardDays(_ days: Int) -> String
    var boardRequestButton: String { get }
    var boardMineButton: String { get }
    var boardReviewButton: String { get }

    // MARK: - Checkout
    // Texts of `/mcserver checkout`: the request form and what is wrong with a request.

    // MARK: The request form
    var checkoutFormTitle: String { get }
    var checkoutPurposeLabel: String { get }
    var checkoutPanelUsersHint: String { get }

    // MARK: Checking the request
    var chooseOneMember: String { get }
    var botsCannotBeChosen: String { get }
    func fieldRule(_ field: String, _ rule: String) -> String
    func rule(for field: String, maxPeriod: Int) -> String
    /// Under the version field of the request and edit forms.
    var versionHint: String { get }
    /// A well-formed version Mojang never released, with the releases nearest to it.
    func unknownMinecraftVersion(_ version: String, closest: [String]) -> String
    func requestReceived(_ id: Int) -> String

    // MARK: - Common
    // Texts every handler may need: refusals and how the workflow's errors read.
    var onlyInGuild: String { get }
    var moderatorsOnly: String { get }
    var unknownAction: String { get }
    var somethingWentWrong: String { get }
    func panelFailed(_ reason: String) -> String
    func status(_ status: WorkflowStatus) -> String
    /// The workflow's refusals in words the invoker can act on.
    func describe(_ error: LendingError) -> String
    func mention(_ discordId: String) -> String
    func fieldName(_ field: String) -> String

    // MARK: - Embeds
    // The field names of a loan's embed (`LoanEmbed`, the notices' `NoticeMessages.embed`); the
    // organizer and panel users fields are named by `fieldName(_:)`, the address by `statusAddress`.
    var embedStatus: String { get }
    var embedVersion: String { get }
    var embedServer: String { get }
    var embedPeriod: String { get }
    func embedPeriodDays(_ days: Int) -> String
    var embedNoPanelAccount: String { get }

    // MARK: - Loans
    // Texts of the moderators' loan and server commands: `/mcserver-admin checkout ...`,
    // `server-binding ...` and `server status`.

    // MARK: checkout list
    func activeLoansTitle(_ count: Int) -> String
    var noActiveLoans: String { get }
    func activeLoansPage(_ page: Int, of pages: Int) -> String
    var loansPagePrevious: String { get }
    var loansPageNext: String { get }
    var ganttToday: String { get }
    /// Whole days until the end date, as people say it.
    func daysLeft(_ days: Int) -> String

    // MARK: checkout extend / return
    var loanIDMissing: String { get }
    var dateOptionName: String { get }
    var dateFormatRule: String { get }
    var noSuchDay: String { get }
    func ambiguousDay(_ monthFirst: CalendarDate, _ dayFirst: CalendarDate) -> String
    func loanEndSet(_ id: Int, until end: Date) -> String
    func pendingPeriodSet(_ id: Int, days: Int) -> String

    // MARK: server-binding
    func bindingsTitle(_ count: Int) -> String
    var noBindings: String { get }
    var bindingFree: String { get }
    func bindingHeldBy(_ id: Int, status: WorkflowStatus) -> String
    func bindingsMore(_ count: Int) -> String
    var aliasRule: String { get }
    var panelIdentifierRule: String { get }
    func panelServerMissing(_ identifier: String) -> String
    func panelServerAlreadyBound(_ identifier: String, as alias: String) -> String
    func bindingSaved(_ alias: String, to identifier: String) -> String
    func bindingRemoved(_ alias: String) -> String

    // MARK: server status
    func powerState(_ state: String) -> String
    var statusPower: String { get }
    var statusCPU: String { get }
    var statusMemory: String { get }
    var statusDisk: String { get }
    var statusUptime: String { get }
    var statusAddress: String { get }
    var statusLoan: String { get }
    var statusNoAddress: String { get }
    var statusSuspended: String { get }
    var statusInstalling: String { get }

    // MARK: - Member
    // Texts of the member commands: `/mcserver reset-password`, `extend` and `return`.

    // MARK: reset-password
    var resetPasswordNoAccount: String { get }
    func resetPasswordNotOnPanel(_ username: String) -> String
    var resetPasswordAdministrator: String { get }
    var resetPasswordTryLater: String { get }
    var resetPasswordAskModerator: String { get }
    /// The only place a password is ever shown: the invoker's ephemeral reply.
    func resetPasswordDone(username: String, password: String, panelURL: String?) -> String

    // MARK: Choosing one's own loan
    var noOwnActiveLoan: String { get }
    func onlyFirstLoansListed(_ count: Int) -> String
    func loanChoiceDetail(alias: String?, end: Date?, zone: TimeZone) -> String

    // MARK: extend
    func extendPickPrompt(days: Int) -> String
    var extendPickPlaceholder: String { get }
    func extendedOwn(_ id: Int, until end: Date, days: Int) -> String

    // MARK: return
    var returnPickPrompt: String { get }
    var returnPickPlaceholder: String { get }
    func returnConfirmPrompt(_ id: Int) -> String
    var returnConfirmLabel: String { get }
    func returnQueued(_ id: Int) -> String

    // MARK: - Notices
    // The workflow's notices (`LendingNotice`), as `NoticeMessages` puts them into messages.
    func loanApprovedToOrganizer(_ loan: LoanSummary) -> String
    func loanApprovedToModerators(_ loan: LoanSummary) -> String
    /// Never a password: the member gets one from `/mcserver reset-password`, seen by them alone.
    func panelAccessGranted(_ loan: LoanSummary, username: String) -> String
    func returnReminder(_ loan: LoanSummary, daysLeft: Int) -> String
    func returnReminderToModerators(_ loan: LoanSummary, daysLeft: Int) -> String
    var extendButton: String { get }
    func loanExpired(_ loan: LoanSummary) -> String
    func loanExtendedByOrganizer(_ loan: LoanSummary, previousEnd: Date?, days: Int) -> String
    /// The first line of the moderators' "New request" post, which every later edit keeps.
    func requestFiled(_ workflow: WorkflowRecord) -> String
    var approveButton: String { get }
    var rejectButton: String { get }
    func loanExtendedByModerator(_ loan: LoanSummary, previousEnd: Date?, by moderator: String) -> String
    /// The last line of a decided request's post: who decided what, and when (`<t:…:f>` shows
    /// each reader the time in their own zone).
    func requestDecision(_ decision: RequestDecision, at time: Date) -> String
    /// The post of a request decided before the post went out.
    func requestDecidedBeforePost(_ status: WorkflowStatus) -> String
    func requestWithdrawn(_ loan: LoanSummary, by member: String) -> String
    func requestRejected(_ loan: LoanSummary, reason: String?) -> String
    func loanReturned(_ loan: LoanSummary, archive: ArchiveOutcome) -> String
    func loanReturnedToModerators(_ loan: LoanSummary, archive: ArchiveOutcome) -> String
    func taskFailed(_ failure: TaskFailureSummary) -> String
    var retryButton: String { get }
    func taskName(_ kind: TaskKind) -> String

    // MARK: - SelfService
    // Texts of the member's self-service: `/mcserver mine`, `withdraw` and `help`.

    // MARK: withdraw
    var noOwnPendingRequest: String { get }
    var withdrawPickPrompt: String { get }
    var withdrawPickPlaceholder: String { get }
    func onlyFirstRequestsListed(_ count: Int) -> String
    func withdrawConfirmPrompt(_ workflow: WorkflowRecord) -> String
    var withdrawConfirmLabel: String { get }
    func withdrawn(_ id: Int) -> String
    /// An approval queued or running: the moderators are preparing the server.
    func withdrawWhilePreparing(_ id: Int) -> String

    // MARK: mine
    var mineNothing: String { get }
    var mineTitle: String { get }
    func mineLeftOut(shown: Int, total: Int) -> String
    func mineRoles(applicant: Bool, organizer: Bool, panelUser: Bool) -> String
    func mineServer(_ alias: String?, address: String?) -> String
    func mineVersion(_ version: String) -> String
    func mineEnd(_ day: CalendarDate, daysLeft: Int) -> String
    func mineEnded(_ day: CalendarDate) -> String
    func minePeriod(_ days: Int) -> String
    func mineExtendLabel(_ id: Int) -> String
    func mineReturnLabel(_ id: Int) -> String
    func mineWithdrawLabel(_ id: Int) -> String

    // MARK: help
    var helpTitle: String { get }
    var helpIntro: String { get }
    var helpMemberCommands: String { get }
    var helpModeratorCommands: String { get }
    /// The pool's several types, and the `type` option of `/mcserver checkout` that picks one.
    func helpServerTypes(_ types: [String]) -> String

    // MARK: - ServerActions
    // `/mcserver-admin server power`: what was sent, and what the panel says just after.
    func powerSignalName(_ signal: String) -> String
    func powerSignalSent(_ signal: String, alias: String, server: String) -> String
    /// The panel's `/resources` answers from a cache of about 20 seconds, so the state just after
    /// a signal is usually the one before it.
    func powerStateNow(_ state: String) -> String
    var powerStateUnknown: String { get }
    func serverActionAudited(loan id: Int) -> String

    // MARK: - Whitelist
    // Texts of `/mcserver whitelist`.
    var whitelistNeedsPlayer: String { get }
    var noWhitelistableLoan: String { get }
    func whitelistNameTheLoan(_ ids: [Int]) -> String
    func whitelistChanged(_ added: Bool, player: String, changed: Bool, loan: Int) -> String
    func whitelistPlayers(_ players: [String], loan: Int) -> String

    // MARK: - ServerTypes
    // Texts of server types (`ServerType`): the refusals, the member's choice of a type before the
    // request form, and the type where a request or a pool server is shown.
    /// The workflow's refusals about types in words the invoker can act on.
    func describe(_ refusal: ServerTypeRefusal) -> String

    // MARK: Asking a member for the type
    /// Above the select of types, when the pool has several.
    var chooseServerType: String { get }
    var serverTypePlaceholder: String { get }
    /// Under a type in the select: how many servers of it the pool has.
    func serverTypeCount(_ count: Int) -> String
    /// The request form's title when it is for one type; Discord allows 45 characters.
    func requestFormTitle(type: String) -> String

    // MARK: Showing the type
    /// The type of a request, in its embed (the moderators' post) and lists.
    var serverTypeLabel: String { get }
    func requestedType(_ type: String) -> String
    /// After `/mcserver-admin server-binding set`'s answer: the type it read or was given.
    func bindingType(_ type: String, fromEgg egg: Bool) -> String

    // MARK: - ModeratorTools
    // The moderators' tools of `/mcserver-admin`: a change of panel users (`workflow edit`), a
    // return's own options (`checkout return archive reset`).
    /// In the returned notices, for a return a moderator asked not to archive.
    var archiveSkippedByModerator: String { get }
    /// What a moderator's return leaves out, one line each.
    func returnSkips(archive: Bool, reset: Bool) -> [String]
    var panelUserNoBots: String { get }
    /// The task kind's name in the failed-task notice.
    var panelUsersTaskName: String { get }
    func describe(_ refusal: PanelUsersRefusal) -> String
    func panelUsernameTitle(_ id: Int) -> String
    func panelUsernameNeeded(_ discordId: String) -> String
    func panelUsersChanged(_ id: Int, added: [String], removed: [String], by moderator: String) -> String
    func panelUsersTaskQueued(_ task: Int) -> String
    func panelUsersNow(_ users: [String]) -> String
    func describe(_ refusal: ServerBackupRefusal) -> String
    func backupStarted(alias: String, loan: Int, name: String) -> String
    var directLoanTitle: String { get }
    func directLoanNeedsUsernames(_ id: Int, count: Int) -> String
    func directLoanStaysPending(_ id: Int) -> String
}
