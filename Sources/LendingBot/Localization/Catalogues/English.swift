import Foundation
import Lending

/// Every text of the bot in English.
struct English: Catalogue {
    var language: Language { .english }

    var commandTexts: [String: String] { [:] }

    // MARK: - Admin
    // Texts of the moderators' workflow commands and review buttons (`Features/Admin`).

    // MARK: Options

    func optionMissing(_ name: String) -> String {
        "The option \"\(name)\" is required."
    }

    var statusOption: String { "Status" }

    var statusOptionRule: String {
        "one of PENDING, ACTIVE, REJECTED, RETURNED"
    }

    // MARK: List

    func listTitle(_ status: WorkflowStatus) -> String {
        switch status {
        case .pending: "Pending requests"
        case .active: "Active loans"
        case .rejected: "Rejected requests"
        case .returned: "Returned loans"
        }
    }

    func listEmpty(_ status: WorkflowStatus) -> String {
        "There are no \(self.status(status).lowercased()) requests."
    }

    func listFooter(first: Int, last: Int, total: Int) -> String {
        "Showing #\(first)–#\(last) of \(total)"
    }

    var previousPage: String { "Previous" }
    var nextPage: String { "Next" }

    func listOrganizer(_ organizer: String, applicant: String?) -> String {
        let organizerText = "Organizer \(mention(organizer))"
        guard let applicant else { return organizerText }
        return organizerText + " · filed by \(mention(applicant))"
    }

    func listPanelUsers(_ users: [String]) -> String {
        "Panel: " + mentions(users)
    }

    func listTerms(version: String, days: Int) -> String {
        "Version \(version) · \(days) days"
    }

    func listReserved(_ alias: String) -> String {
        "Server \(alias) reserved (approval running)"
    }

    func listLoan(_ alias: String?, start: Date?, end: Date?) -> String {
        let server = alias ?? "—"
        guard let start, let end else { return "Server \(server)" }
        return "Server \(server) · \(date(start)) – \(date(end)) (\(relative(end)))"
    }

    // MARK: Approval

    func approvalStarted(_ id: Int, server: String, task: Int, by moderator: String) -> String {
        "\(mention(moderator)) approved request #\(id): server **\(server)** is reserved and approval task #\(task) is running. The result will be announced when it is done."
    }

    func approvalProgress(_ progress: ApprovalProgress) -> String {
        let id = progress.workflowId
        let server = progress.serverAlias
        return switch progress.stage {
        case .preparing:
            "Request #\(id): preparing **\(server)** (stopping it, setting the version and image)…"
        case .installing(let version, let java):
            "Request #\(id): installing \(version) on Java \(java) on **\(server)**…"
        case .starting:
            "Request #\(id): starting **\(server)**…"
        case .ready(let version, let address):
            "Request #\(id) is ready: **\(server)** runs \(version)" + (address.map { " at `\($0)`" } ?? "") + ". The organizer and panel users have been told."
        }
    }

    func usernamesTitle(_ id: Int, from: Int, to: Int, of total: Int) -> String {
        "Panel usernames for #\(id) (\(from)–\(to) of \(total))"
    }

    func usernameLabel(_ discordId: String) -> String {
        "Username for \(discordId)"
    }

    var usernameHint: String {
        "Lowercase letters, digits, _ . - (3–191, start and end with a letter or digit)"
    }

    func usernameInvalid(_ discordId: String, _ name: String) -> String {
        "\(mention(discordId)): \"\(name)\" cannot be used. Use lowercase letters, digits, _ . - (3 to 191 characters, starting and ending with a letter or digit)."
    }

    func usernameTaken(_ discordId: String, _ name: String) -> String {
        "\(mention(discordId)): the username \"\(name)\" is already taken. Choose another."
    }

    func usernamesProgress(_ id: Int, collected: Int, of total: Int) -> String {
        "Request #\(id): usernames for \(collected) of \(total) members saved. Press Continue to enter the rest."
    }

    var usernamesRetry: String {
        "What you entered is kept. Press Continue to correct it."
    }

    var continueButton: String { "Continue" }

    func approvalDraftMissing(_ id: Int) -> String {
        "This approval of request #\(id) has expired or belongs to another moderator. Start again from Approve."
    }

    // MARK: Rejection

    func rejectTitle(_ id: Int) -> String { "Reject request #\(id)" }
    var rejectReasonLabel: String { "Reason (optional)" }
    var rejectReasonHint: String { "Recorded with the rejection" }

    func rejected(_ id: Int, by moderator: String, reason: String?) -> String {
        let head = "Request #\(id) was rejected by \(mention(moderator))."
        guard let reason, !reason.isEmpty else { return head }
        return head + "\n" + "Reason: " + reason
    }

    var reasonRule: String {
        "at most \(RequestRules.maxReasonLength) characters"
    }

    // MARK: Editing

    func editTitle(_ id: Int) -> String { "Edit request #\(id)" }

    var periodFixedWhileActive: String {
        "The period of an active loan cannot be edited: use extend to change its end date."
    }

    func edited(_ id: Int, by moderator: String) -> String {
        "Request #\(id) was updated by \(mention(moderator))."
    }

    var editTypeAlone: String {
        "Change the type on its own: run the edit again with type, without add or remove. Nothing was changed."
    }

    // MARK: Tasks

    func taskRequeued(_ task: Int, workflow: Int, by moderator: String) -> String {
        "Task #\(task) (request #\(workflow)) was queued again by \(mention(moderator)). The result will be announced when it is done."
    }

    // MARK: Autocomplete

    func freeServerChoice(_ alias: String, type: String) -> String {
        "\(alias) — free · \(type)"
    }

    // MARK: - Archives
    // Texts of `/mcserver-admin archive`.

    func noArchives(loan: Int?) -> String {
        loan.map { "Loan #\($0) has no archived backups." }
            ?? "No backup has been archived yet."
    }

    func archiveListTitle(loan: Int?) -> String {
        loan.map { "**Archives of loan #\($0)** (newest first)" }
            ?? "**Archives** (newest first)"
    }

    func archiveLine(_ archive: ArchiveRecord) -> String {
        "`#\(archive.id)` loan #\(archive.workflowId) · \(ByteCount.text(archive.bytes)) · \(date(archive.createdAt))"
    }

    func andMore(_ count: Int) -> String {
        "…and \(count) more"
    }

    func archiveNotFound(_ id: Int) -> String {
        "There is no archive #\(id)."
    }

    func archiveWhere(_ archive: ArchiveRecord) -> String {
        "Archive `#\(archive.id)` (loan #\(archive.workflowId), \(ByteCount.text(archive.bytes)), backup `\(archive.backupUuid)`) is at:\n`\(archive.destination)`"
    }

    func archiveLink(_ link: ArchiveLink, expiryHours: Int) -> String {
        switch link {
        case .link(let url):
            "Download link (expires after \(expiryHours) hours where the remote can make it expire; anyone holding it can download the file): \(url)"
        case .none(.notSupported):
            "No link could be made: this remote does not make public links. Fetch the file with rclone from the path above."
        case .none(.notThisTarget):
            "No link could be made: this archive was stored under another ARCHIVE_TARGET than the current one."
        case .none(.failed):
            "No link could be made: rclone failed (its error is in the bot's log). Fetch the file with rclone from the path above."
        }
    }

    // MARK: - Board
    // Texts of the live board (BOARD_CHANNEL_ID) and its buttons.
    var boardTitle: String { "## Server lending board" }

    func boardSummary(active: Int, pending: Int, free: Int, servers: Int) -> String {
        "\(active) lent · \(pending) waiting for review · \(free) of \(servers) servers free"
    }

    func boardActiveHeading(_ count: Int) -> String { "### Active loans (\(count), ending soonest first)" }
    var boardNoActive: String { "No server is lent right now." }
    func boardPendingHeading(_ count: Int) -> String { "### Waiting for review (\(count), oldest first)" }
    var boardNoPending: String { "No request is waiting." }
    var boardFreeHeading: String { "### Free servers" }
    var boardNoFree: String { "Every server is taken." }
    func boardMore(_ count: Int) -> String { "…and \(count) more" }
    func boardDays(_ days: Int) -> String { "\(days) day\(days == 1 ? "" : "s")" }
    var boardRequestButton: String { "Request a server" }
    var boardMineButton: String { "My loans" }
    var boardReviewButton: String { "Review" }

    // MARK: - Checkout
    // Texts of `/mcserver checkout`: the request form and what is wrong with a request.

    // MARK: The request form

    var checkoutFormTitle: String { "Request a server" }
    var checkoutPurposeLabel: String { "Purpose or event" }
    var checkoutPanelUsersHint: String { "Who gets access to the server (1–10)" }

    // MARK: Checking the request

    var chooseOneMember: String { "choose one member" }
    var botsCannotBeChosen: String { "bots cannot be chosen" }

    func fieldRule(_ field: String, _ rule: String) -> String {
        "\(field): \(rule)"
    }

    func rule(for field: String, maxPeriod: Int) -> String {
        switch field {
        case "description": "1 to \(RequestRules.maxDescriptionLength) characters, no control characters"
        case "mcVersion": "latest, or a release such as 1.20.1, 1.21 or 26.1"
        case "periodDays": "a whole number from 1 to \(maxPeriod)"
        case "panelUsers": "1 to 10 members, each once"
        default: "please check the value"
        }
    }

    var versionHint: String {
        "latest, or a release such as 1.21.4 or 26.1"
    }

    func unknownMinecraftVersion(_ version: String, closest: [String]) -> String {
        let list = closest.joined(separator: ", ")
        return closest.isEmpty
            ? "\(fieldName("mcVersion")): \(version) is not a Minecraft release."
            : "\(fieldName("mcVersion")): \(version) is not a Minecraft release; closest: \(list)"
    }

    func requestReceived(_ id: Int) -> String {
        "Request #\(id) received. A moderator will review it."
    }

    // MARK: - Common
    // Texts every handler may need: refusals and how the workflow's errors read.
    var onlyInGuild: String { "This only works in the community's server." }
    var moderatorsOnly: String { "Only moderators can do this." }
    var unknownAction: String { "This action is no longer available. Please start again from the command." }

    var somethingWentWrong: String {
        "Something went wrong. Please wait a moment and try again."
    }

    func panelFailed(_ reason: String) -> String {
        "The panel could not do it: \(reason)"
    }

    func status(_ status: WorkflowStatus) -> String {
        switch status {
        case .pending: "Pending"
        case .active: "Active"
        case .rejected: "Rejected"
        case .returned: "Returned"
        }
    }

    func describe(_ error: LendingError) -> String {
        switch error {
        case .workflowNotFound(let id): "Request #\(id) does not exist."
        case .taskNotFound(let id): "Task #\(id) does not exist."
        case .invalidRequest(let field, let rule): "\(fieldName(field)): \(rule)"
        case .alreadyDecided(let id, let status, let by):
            "Request #\(id) is already \(self.status(status).lowercased())" + (by.map { " (by \(mention($0)))" } ?? "") + "."
        case .approvalInProgress(let id, let by):
            "Request #\(id) is already being approved by \(mention(by))."
        case .returnInProgress(let id, let by):
            "Loan #\(id) is already being returned (asked by \(mention(by)))."
        case .panelUsersChangeInProgress(let id):
            "Loan #\(id) has a change of panel users under way; try again when it is done."
        case .notAllowed(let id, let status, _):
            "Request #\(id) is \(self.status(status).lowercased()): this cannot be done."
        case .noFreeServer:
            "No server is free: every server in the pool is lent or reserved. The request stays pending."
        case .serverNotFound(let alias): "There is no server called \(alias)."
        case .serverNotFree(let alias, let heldBy):
            "Server \(alias) is not free" + (heldBy.map { " (request #\($0) holds it)" } ?? "") + "."
        case .bindingInUse(let alias, let id):
            "Server \(alias) is in use by request #\(id) and cannot be changed."
        case .usernameMissing(let discordId):
            "A panel username is needed for \(mention(discordId))."
        case .usernameInvalid(let name):
            "\"\(name)\" cannot be a panel username (3–191 characters: lowercase letters, digits, _ . -, starting and ending with a letter or digit)."
        case .usernameTaken(let name): "The panel username \(name) is already taken."
        case .dateNotInFuture(let date): "\(date) must be after today."
        case .endBeforeNow(let date): "\(date) has already passed."
        case .tooManyOpenRequests(let limit):
            "You already have \(limit) open requests (pending or active). File another once one is decided or returned."
        case .tooManyPasswordResets(let limit, let retryAt):
            "A panel password can be reset \(limit) times an hour. Try again \(relative(retryAt))."
        case .dateTooLate(let date):
            "\(date) is too late: a loan can end on \(CalendarDate.latest) at the latest."
        case .notOrganizer(let id):
            "Only the organizer of request #\(id) or a moderator can do this."
        case .notApplicant(let id):
            "Only the applicant or the organizer of request #\(id) can withdraw it."
        case .notLoanMember(let id):
            "Only the organizer and the panel users of loan #\(id) can do this."
        case .serverNotRunning(let id):
            "The server of loan #\(id) is not running: start it, then try again."
        case .endDateChanged(let id, let current):
            "Loan #\(id) was already extended" + (current.map { " (now ends \(date($0)))" } ?? "") + "."
        case .extendLimitReached(let id, let limit):
            "Loan #\(id) has already been extended \(limit) time(s), the most an organizer may; ask a moderator to extend it further."
        case .notEnded(let id, let end):
            "Loan #\(id) was extended (now ends \(date(end)))."
        case .taskNotFailed(let id, _): "Task #\(id) is not waiting for a retry."
        case .serverUnsuitable(let alias, let reason):
            "Server \(alias) cannot run this version: \(reason). The request stays pending."
        case .noSuitableServer(let reasons):
            "No free server can run this version: \(reasons.joined(separator: "; ")). The request stays pending."
        case .unknownMinecraftVersion(let version, let closest): unknownMinecraftVersion(version, closest: closest)
        }
    }

    func mention(_ discordId: String) -> String {
        discordId == AuditEntry.scheduler ? "the scheduler" : "<@\(discordId)>"
    }

    func fieldName(_ field: String) -> String {
        switch field {
        case "description": "Purpose"
        case "mcVersion": "Minecraft version"
        case "periodDays": "Period in days"
        case "organizer": "Organizer"
        case "panelUsers": "Panel users"
        case "reason": "Reason"
        case "player": "Player"
        case "name": "Name"
        case "ptero-id": "Panel server id"
        default: field
        }
    }

    // MARK: - Embeds
    // The field names of a loan's embed (`LoanEmbed`, the notices' `NoticeMessages.embed`); the
    // organizer and panel users fields are named by `fieldName(_:)`, the address by `statusAddress`.
    var embedStatus: String { "Status" }
    var embedVersion: String { "Version" }
    var embedServer: String { "Server" }
    var embedPeriod: String { "Period" }
    func embedPeriodDays(_ days: Int) -> String { "\(days) days" }
    var embedNoPanelAccount: String { "no panel account yet" }

    // MARK: - Loans
    // Texts of the moderators' loan and server commands: `/mcserver-admin checkout ...`,
    // `server-binding ...` and `server status`.

    // MARK: checkout list

    func activeLoansTitle(_ count: Int) -> String {
        "Active loans (\(count))"
    }

    var noActiveLoans: String { "No server is lent right now." }

    func activeLoansPage(_ page: Int, of pages: Int) -> String {
        "Page \(page) of \(pages)"
    }

    var loansPagePrevious: String { "Previous page" }
    var loansPageNext: String { "Next page" }
    var ganttToday: String { "today" }

    func daysLeft(_ days: Int) -> String {
        switch days {
        case ..<0: "overdue by \(-days) day\(-days == 1 ? "" : "s")"
        case 0: "ends today"
        default: "\(days) day\(days == 1 ? "" : "s") left"
        }
    }

    // MARK: checkout extend / return

    var loanIDMissing: String { "Give the id of the request." }
    var dateOptionName: String { "date" }

    var dateFormatRule: String {
        "Write the date as YYYY-MM-DD, 12/24 or 12月24日, for example 2026-08-31."
    }

    var noSuchDay: String {
        "The calendar has no such day; check it, written as YYYY-MM-DD."
    }

    func ambiguousDay(_ monthFirst: CalendarDate, _ dayFirst: CalendarDate) -> String {
        "That could be \(monthFirst) or \(dayFirst); write it as YYYY-MM-DD."
    }

    func loanEndSet(_ id: Int, until end: Date) -> String {
        "Loan #\(id) now ends on \(date(end)) (\(relative(end)))."
    }

    func pendingPeriodSet(_ id: Int, days: Int) -> String {
        "Pending request #\(id) now asks for \(days) days."
    }

    // MARK: server-binding

    func bindingsTitle(_ count: Int) -> String {
        "Server pool (\(count))"
    }

    var noBindings: String {
        "The pool is empty. Add a server with `/mcserver-admin server-binding set`."
    }

    var bindingFree: String { "free" }

    func bindingHeldBy(_ id: Int, status: WorkflowStatus) -> String {
        status == .pending ? "reserved by #\(id)" : "lent to #\(id)"
    }

    func bindingsMore(_ count: Int) -> String {
        "…and \(count) more"
    }

    var aliasRule: String {
        "1 to 32 letters, digits, - or _"
    }

    var panelIdentifierRule: String {
        "the panel's 8-character server identifier (letters and digits)"
    }

    func panelServerMissing(_ identifier: String) -> String {
        "The panel has no server \(identifier), or the client key cannot reach it."
    }

    func panelServerAlreadyBound(_ identifier: String, as alias: String) -> String {
        "Panel server \(identifier) is already in the pool as \(alias)."
    }

    func bindingSaved(_ alias: String, to identifier: String) -> String {
        "Server \(alias) now points at panel server \(identifier)."
    }

    func bindingRemoved(_ alias: String) -> String {
        "Server \(alias) is no longer in the pool."
    }

    // MARK: server status

    func powerState(_ state: String) -> String {
        switch state {
        case "running": "Running"
        case "starting": "Starting"
        case "stopping": "Stopping"
        case "offline": "Offline"
        default: state
        }
    }

    var statusPower: String { "Power" }
    var statusCPU: String { "CPU" }
    var statusMemory: String { "Memory" }
    var statusDisk: String { "Disk" }
    var statusUptime: String { "Uptime" }
    var statusAddress: String { "Address" }
    var statusLoan: String { "Loan" }
    var statusNoAddress: String { "no default allocation" }
    var statusSuspended: String { " (suspended)" }
    var statusInstalling: String { " (installing)" }

    // MARK: - Member
    // Texts of the member commands: `/mcserver reset-password`, `extend` and `return`.

    // MARK: reset-password

    var resetPasswordNoAccount: String {
        "You have no panel account yet. One is made when a request that names you as a panel user is approved."
    }

    func resetPasswordNotOnPanel(_ username: String) -> String {
        "Your panel account (\(username)) was not found on the panel. Please ask a moderator."
    }

    var resetPasswordAdministrator: String {
        "This account is a panel administrator; its password cannot be reset from Discord."
    }

    var resetPasswordTryLater: String {
        "The panel is not answering, so the password was not reset. Please try again in a few minutes."
    }

    var resetPasswordAskModerator: String {
        "The panel refused to reset the password. Please ask a moderator."
    }

    func resetPasswordDone(username: String, password: String, panelURL: String?) -> String {
        let login = panelURL.map { "\nLog in at <\($0)>" } ?? ""
        return "Your panel password has been reset.\nUsername: `\(username)`\nNew password: ||`\(password)`||\(login)\n"
            + "Only you can see this message, and the bot keeps no copy of the password."
    }

    // MARK: Choosing one's own loan

    var noOwnActiveLoan: String {
        "You are not the organizer of any active loan."
    }

    func onlyFirstLoansListed(_ count: Int) -> String {
        "Only the \(count) ending soonest are listed; give the `id` option for the others."
    }

    func loanChoiceDetail(alias: String?, end: Date?, zone: TimeZone) -> String {
        let server = alias ?? "no server"
        guard let end else { return server }
        let day = CalendarDate(containing: end, in: zone)
        return "\(server) · ends \(day)"
    }

    // MARK: extend

    func extendPickPrompt(days: Int) -> String {
        "Which loan do you want to extend by \(days) days?"
    }

    var extendPickPlaceholder: String { "Choose the loan to extend" }

    func extendedOwn(_ id: Int, until end: Date, days: Int) -> String {
        "Loan #\(id) is extended by \(days) days. It now ends on \(date(end)) (\(relative(end)))."
    }

    // MARK: return

    var returnPickPrompt: String { "Which loan do you want to return?" }
    var returnPickPlaceholder: String { "Choose the loan to return" }

    func returnConfirmPrompt(_ id: Int) -> String {
        "Return loan #\(id)? The server will be stopped, archived and reset, and the panel users lose their access. This cannot be undone."
    }

    var returnConfirmLabel: String { "Return the server" }

    func returnQueued(_ id: Int) -> String {
        "The return of loan #\(id) is queued. The bot stops, archives and resets the server in the background; the organizer and panel users are told when it is done."
    }

    // MARK: - Notices
    // The workflow's notices (`LendingNotice`), as `NoticeMessages` puts them into messages.

    func loanApprovedToOrganizer(_ loan: LoanSummary) -> String {
        "Your request #\(loan.workflowId) \"\(purpose(loan))\" was approved. \(serverSentence(loan))"
    }

    func loanApprovedToModerators(_ loan: LoanSummary) -> String {
        "Loan #\(loan.workflowId) \"\(purpose(loan))\" (organizer <@\(loan.organizerDiscordId)>) has started. \(serverSentence(loan))"
    }

    func panelAccessGranted(_ loan: LoanSummary, username: String) -> String {
        let server = loan.serverAlias ?? "the loaned server"
        let address = loan.connectionAddress.map { "Connect to: `\($0)`\n" } ?? ""
        return """
            You now have access to **\(server)** for loan #\(loan.workflowId) "\(purpose(loan))".
            \(address)Panel username: `\(username)`
            Use `/mcserver reset-password` in the community's server to get your password; only you will see it.
            """
    }

    func returnReminder(_ loan: LoanSummary, daysLeft: Int) -> String {
        let end = loan.endDate.map(dateAndRelative) ?? "soon"
        return "Loan #\(loan.workflowId) \"\(purpose(loan))\" ends \(end), in \(max(daysLeft, 0)) day(s). Press the button below to extend it."
    }

    func returnReminderToModerators(_ loan: LoanSummary, daysLeft: Int) -> String {
        let end = loan.endDate.map(dateAndRelative) ?? "soon"
        return "Loan #\(loan.workflowId) \"\(purpose(loan))\" (organizer <@\(loan.organizerDiscordId)>) ends \(end), in \(max(daysLeft, 0)) day(s)."
    }

    var extendButton: String { "Extend" }

    func loanExpired(_ loan: LoanSummary) -> String {
        let end = dateOrDash(loan.endDate)
        return "Loan #\(loan.workflowId) \"\(purpose(loan))\" (organizer <@\(loan.organizerDiscordId)>) passed its end date (\(end)). Please return or extend it."
    }

    func loanExtendedByOrganizer(_ loan: LoanSummary, previousEnd: Date?, days: Int) -> String {
        let from = dateOrDash(previousEnd)
        let to = dateOrDash(loan.endDate)
        return "The organizer <@\(loan.organizerDiscordId)> extended loan #\(loan.workflowId) \"\(loan.description)\" by \(days) day(s) (\(from) → \(to))."
    }

    func requestFiled(_ workflow: WorkflowRecord) -> String {
        "New request #\(workflow.id) from <@\(workflow.applicantDiscordId)>."
    }

    var approveButton: String { "Approve" }
    var rejectButton: String { "Reject" }

    func loanExtendedByModerator(_ loan: LoanSummary, previousEnd: Date?, by moderator: String) -> String {
        let from = dateOrDash(previousEnd)
        let to = dateOrDash(loan.endDate)
        return "The moderator <@\(moderator)> moved the end of loan #\(loan.workflowId) \"\(purpose(loan))\" (organizer <@\(loan.organizerDiscordId)>) (\(from) → \(to))."
    }

    func requestDecision(_ decision: RequestDecision, at time: Date) -> String {
        let when = dateTime(time)
        return switch decision {
        case .approved(let moderator):
            "✅ Approved by <@\(moderator)> (\(when))."
        case .rejected(let moderator, let reason):
            "❌ Rejected by <@\(moderator)> (\(when))."
                + (reason.map { "\nReason: \(LoanText.memberText($0))" } ?? "")
        case .withdrawn(let member):
            "↩️ Withdrawn by <@\(member)> (\(when))."
        }
    }

    func requestDecidedBeforePost(_ status: WorkflowStatus) -> String {
        "This request is already \(self.status(status).lowercased())."
    }

    func requestWithdrawn(_ loan: LoanSummary, by member: String) -> String {
        "<@\(member)> withdrew request #\(loan.workflowId) \"\(purpose(loan))\"."
    }

    func requestRejected(_ loan: LoanSummary, reason: String?) -> String {
        "Your request #\(loan.workflowId) \"\(purpose(loan))\" was rejected."
            + (reason.map { "\nReason: \($0)" } ?? "")
    }

    func loanReturned(_ loan: LoanSummary, archive: ArchiveOutcome) -> String {
        "The server of loan #\(loan.workflowId) \"\(purpose(loan))\" was returned. "
            + archiveOutcome(archive)
    }

    func loanReturnedToModerators(_ loan: LoanSummary, archive: ArchiveOutcome) -> String {
        "Loan #\(loan.workflowId) \"\(purpose(loan))\" (organizer <@\(loan.organizerDiscordId)>) was returned\(loan.serverAlias.map { ": \($0) is free again" } ?? ""). "
            + archiveOutcome(archive)
    }

    private func archiveOutcome(_ archive: ArchiveOutcome) -> String {
        switch archive {
        case .notConfigured:
            "The server's data was not kept (no archive is configured)."
        case .archived(_, let folder, let files, let bytes):
            "\(files) backup(s) (\(ByteCount.text(bytes))) were archived in the folder `\(folder)`."
        case .skipped:
            archiveSkippedByModerator
        }
    }

    func taskFailed(_ failure: TaskFailureSummary) -> String {
        "The \(taskName(failure.kind)) of request #\(failure.workflowId) stopped after \(failure.attempts) attempt(s) (task #\(failure.taskId)): \(failure.message)\nFix the cause, then retry."
    }

    var retryButton: String { "Retry" }

    func taskName(_ kind: TaskKind) -> String {
        switch kind {
        case .approve: "approval"
        case .returnLoan: "return"
        case .release: "release"
        case .panelUsers: panelUsersTaskName
        }
    }

    private func serverSentence(_ loan: LoanSummary) -> String {
        var parts: [String] = []
        if let alias = loan.serverAlias {
            parts.append(loan.connectionAddress.map { "Server: \(alias) (`\($0)`)" } ?? "Server: \(alias)")
        }
        if let end = loan.endDate { parts.append("Ends: \(date(end))") }
        return parts.joined(separator: ", ") + (parts.isEmpty ? "" : ".")
    }

    // MARK: - SelfService
    // Texts of the member's self-service: `/mcserver mine`, `withdraw` and `help`.

    // MARK: withdraw

    var noOwnPendingRequest: String {
        "You have no pending request to withdraw."
    }

    var withdrawPickPrompt: String { "Which request do you want to withdraw?" }
    var withdrawPickPlaceholder: String { "Choose the request to withdraw" }

    func onlyFirstRequestsListed(_ count: Int) -> String {
        "Only the \(count) oldest are listed; give the `id` option for the others."
    }

    func withdrawConfirmPrompt(_ workflow: WorkflowRecord) -> String {
        "Withdraw request #\(workflow.id) \"\(purpose(workflow))\"? It will be closed as rejected; this cannot be undone."
    }

    var withdrawConfirmLabel: String { "Withdraw the request" }

    func withdrawn(_ id: Int) -> String {
        "Request #\(id) was withdrawn. The moderators are told."
    }

    func withdrawWhilePreparing(_ id: Int) -> String {
        "Request #\(id) cannot be withdrawn: the moderators are already preparing its server. Return it once it is ready, or ask a moderator."
    }

    // MARK: mine

    var mineNothing: String {
        "You have no requests or loans yet. File one with `/mcserver checkout`."
    }

    var mineTitle: String { "Your requests and loans" }

    func mineLeftOut(shown: Int, total: Int) -> String {
        "Showing the \(shown) most relevant of \(total) (\(total - shown) left out)."
    }

    func mineRoles(applicant: Bool, organizer: Bool, panelUser: Bool) -> String {
        var roles: [String] = []
        if applicant { roles.append("applicant") }
        if organizer { roles.append("organizer") }
        if panelUser { roles.append("panel user") }
        return roles.joined(separator: ", ")
    }

    func mineServer(_ alias: String?, address: String?) -> String {
        guard let alias else { return "Server: not yet chosen" }
        return "Server: " + (address.map { "\(alias) (`\($0)`)" } ?? alias)
    }

    func mineVersion(_ version: String) -> String { "Version: \(version)" }

    func mineEnd(_ day: CalendarDate, daysLeft: Int) -> String {
        let left = daysLeft > 0 ? "\(daysLeft) day(s) left"
            : daysLeft == 0 ? "ends today" : "past its end"
        return "Ends: \(day) (\(left))"
    }

    func mineEnded(_ day: CalendarDate) -> String { "Ended: \(day)" }
    func minePeriod(_ days: Int) -> String { "Period asked: \(days) days" }
    func mineExtendLabel(_ id: Int) -> String { "Extend #\(id)" }
    func mineReturnLabel(_ id: Int) -> String { "Return #\(id)" }
    func mineWithdrawLabel(_ id: Int) -> String { "Withdraw #\(id)" }

    // MARK: help

    var helpTitle: String { "How to use the lending bot" }

    var helpIntro: String {
        "Ask for a server; once a moderator approves, the server and your panel account are prepared. Replies are shown only to you."
    }

    var helpMemberCommands: String { "Member commands" }
    var helpModeratorCommands: String { "Moderator commands" }

    func helpServerTypes(_ types: [String]) -> String {
        "The pool has servers of several types (\(typeList(types))): `/mcserver checkout type:` asks for one at once; without it, checkout first asks which."
    }

    // MARK: - ServerActions
    // `/mcserver-admin server power`: what was sent, and what the panel says just after.

    func powerSignalName(_ signal: String) -> String {
        switch signal {
        case "start": "start"
        case "stop": "stop"
        case "restart": "restart"
        case "kill": "kill"
        default: signal
        }
    }

    func powerSignalSent(_ signal: String, alias: String, server: String) -> String {
        "Sent `\(signal)` to server \(alias) (`\(server)`)."
    }

    func powerStateNow(_ state: String) -> String {
        "The panel reports: \(powerState(state)) (it can take about 20 seconds to show the change)"
    }

    var powerStateUnknown: String {
        "The panel's current state could not be read."
    }

    func serverActionAudited(loan id: Int) -> String {
        "Request #\(id) holds this server, so this is recorded on its history."
    }

    // MARK: - Whitelist
    // Texts of `/mcserver whitelist`.

    var whitelistNeedsPlayer: String {
        "Give the player's name in `player`."
    }

    var noWhitelistableLoan: String {
        "You have no active loan whose whitelist you keep (only loans you organize or are a panel user of)."
    }

    func whitelistNameTheLoan(_ ids: [Int]) -> String {
        let list = numbers(ids)
        return "You have several loans (\(list)): name one with the `id` option."
    }

    func whitelistChanged(_ added: Bool, player: String, changed: Bool, loan: Int) -> String {
        switch (added, changed) {
        case (true, true): "`\(player)` is on the whitelist of loan #\(loan) now."
        case (true, false): "`\(player)` was already on the whitelist."
        case (false, true): "`\(player)` is off the whitelist of loan #\(loan) now."
        case (false, false): "`\(player)` is not on the whitelist the bot keeps."
        }
    }

    func whitelistPlayers(_ players: [String], loan: Int) -> String {
        guard !players.isEmpty else {
            return "Whitelist of loan #\(loan) (added through the bot): nobody yet"
        }
        let names = codes(players)
        return "Whitelist of loan #\(loan) (added through the bot, \(players.count)): \(names)"
    }

    // MARK: - ServerTypes
    // Texts of server types (`ServerType`): the refusals, the member's choice of a type before the
    // request form, and the type where a request or a pool server is shown.

    func describe(_ refusal: ServerTypeRefusal) -> String {
        switch refusal {
        case .noServerOfType(let requested, let available):
            available.isEmpty
                ? "There is no \(requested) server: the pool has no servers yet."
                : "There is no \(requested) server in the pool. Types you can ask for: \(typeList(available))"
        case .typeRequired(let available):
            "The pool has several server types: run /mcserver checkout again and choose one (\(typeList(available)))."
        case .wrongType(let alias, let serverType, let requested):
            "Server \(alias) is a \(serverType) server, but this request asks for \(requested). The request stays pending."
        case .noFreeServerOfType(let type):
            "Every \(type) server is lent or reserved. The request stays pending."
        case .invalidType(let typed):
            "\"\(typed)\" cannot be a server type (1 to \(ServerType.maxLength) lowercase letters, digits, - or _)."
        case .typeFixedWhileLent(let id):
            "Loan #\(id) is already lent on its server, so its type cannot change. Only a pending request's type can be edited."
        }
    }

    // MARK: Asking a member for the type

    var chooseServerType: String {
        "Which kind of server do you need? Choosing one opens the request form."
    }

    var serverTypePlaceholder: String { "Server type" }

    func serverTypeCount(_ count: Int) -> String {
        (count == 1 ? "1 server" : "\(count) servers")
    }

    func requestFormTitle(type: String) -> String {
        Limits.cut("Request a \(type) server", 45)
    }

    // MARK: Showing the type

    var serverTypeLabel: String { "Type" }

    func requestedType(_ type: String) -> String {
        "Type: \(type)"
    }

    func bindingType(_ type: String, fromEgg egg: Bool) -> String {
        egg
            ? "Type: \(type) (read from its egg on the panel)."
            : "Type: \(type)."
    }

    // MARK: - ModeratorTools
    // The moderators' tools of `/mcserver-admin`: a change of panel users (`workflow edit`), a
    // return's own options (`checkout return archive reset`).

    var archiveSkippedByModerator: String {
        "A moderator chose not to archive the server's data for this return."
    }

    func returnSkips(archive: Bool, reset: Bool) -> [String] {
        var lines: [String] = []
        if !archive { lines.append("This return will not archive the backups (they are still deleted).") }
        if !reset { lines.append("This return will not reset the server.") }
        return lines
    }

    var panelUserNoBots: String {
        "bots cannot be panel users"
    }

    var panelUsersTaskName: String {
        "panel-user change"
    }

    func describe(_ refusal: PanelUsersRefusal) -> String {
        switch refusal {
        case .alreadyPanelUser(let id, let discordId):
            "\(mention(discordId)) is already a panel user of request #\(id)."
        case .notPanelUser(let id, let discordId):
            "\(mention(discordId)) is not a panel user of request #\(id)."
        case .count(let id, let limit):
            "Request #\(id) must keep from 1 to \(limit) panel users."
        case .changeInProgress(let id, let task, let by):
            "Loan #\(id) has a panel-user change by \(mention(by)) still under way (task #\(task)): wait for it, or retry it, then try again."
        case .nothingToChange:
            "Name a member to add or to remove."
        }
    }

    func panelUsernameTitle(_ id: Int) -> String {
        "A panel user for loan #\(id)"
    }

    func panelUsernameNeeded(_ discordId: String) -> String {
        "\(mention(discordId)) has no panel account yet: give their panel username in `username`."
    }

    func panelUsersChanged(_ id: Int, added: [String], removed: [String], by moderator: String) -> String {
        var parts: [String] = []
        if !added.isEmpty { parts.append("added \(added.map(mention).joined(separator: ", "))") }
        if !removed.isEmpty {
            parts.append("removed \(removed.map(mention).joined(separator: ", "))")
        }
        return "\(mention(moderator)) changed the panel users of request #\(id): \(parts.joined(separator: "; "))."
    }

    func panelUsersTaskQueued(_ task: Int) -> String {
        "The panel follows in task #\(task); if it fails, the moderators are told and can retry it."
    }

    func panelUsersNow(_ users: [String]) -> String {
        "Panel users: \(users.map(mention).joined(separator: ", "))"
    }

    func describe(_ refusal: ServerBackupRefusal) -> String {
        switch refusal {
        case .serverFree(let alias):
            "Server \(alias) is free (no loan holds it): there is nothing to back up."
        case .limitReached(let alias):
            "Server \(alias) has reached its backup limit: delete a backup it no longer needs, or wait for the return to archive them."
        case .throttled(let alias, let retryAfter):
            "Server \(alias) has made too many backups in the last minutes: try again " + (retryAfter.map { "in about \($0) seconds." } ?? "later.")
        }
    }

    func backupStarted(alias: String, loan: Int, name: String) -> String {
        "Started the backup \"\(name)\" of server \(alias) (locked, so the return archives it). Recorded on loan #\(loan)."
    }

    var directLoanTitle: String {
        "Lend a server directly"
    }

    func directLoanNeedsUsernames(_ id: Int, count: Int) -> String {
        "Loan #\(id) is created. \(count) panel user(s) have no panel account: press Continue to choose their usernames, and the loan is approved."
    }

    func directLoanStaysPending(_ id: Int) -> String {
        "Loan #\(id) stays a pending request: approve it onto another server, or reject it."
    }
}
