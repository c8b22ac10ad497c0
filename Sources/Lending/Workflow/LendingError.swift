public import Foundation

/// Why the workflow refused something. Each case carries what the person needs to act on it;
/// the bot renders it in their language, `description` is the English text.
public enum LendingError: Error, Sendable, Equatable, CustomStringConvertible {
    case workflowNotFound(id: Int)
    case taskNotFound(id: Int)
    /// A request field breaks a rule: which field, and the rule in words.
    case invalidRequest(field: String, rule: String)
    /// Someone else already moved the request to `status` (`by` is nil when unknown).
    case alreadyDecided(id: Int, status: WorkflowStatus, by: String?)
    /// An approval is already under way for this request.
    case approvalInProgress(id: Int, by: String)
    /// A return is already under way for this loan.
    case returnInProgress(id: Int, by: String)
    /// A change of the loan's panel users is queued or running: a return waits until it is done,
    /// so the users it adds are revoked with everyone else.
    case panelUsersChangeInProgress(id: Int)
    /// The request is not in a status this action applies to.
    case notAllowed(id: Int, status: WorkflowStatus, action: String)
    /// Every server in the pool is lent or reserved.
    case noFreeServer
    case serverNotFound(alias: String)
    /// The named server is lent or reserved by another request.
    case serverNotFree(alias: String, heldBy: Int?)
    /// A server alias that an active loan or open task uses cannot be changed or removed.
    case bindingInUse(alias: String, workflowId: Int)
    /// A panel user has no panel account and the moderator gave no username for them.
    case usernameMissing(discordId: String)
    /// The panel would refuse this username.
    case usernameInvalid(String)
    /// Another account, or another approval in progress, already has this username.
    case usernameTaken(String)
    /// A date typed for an extension is today or earlier.
    case dateNotInFuture(CalendarDate)
    /// The date would put the end of the loan before now.
    case endBeforeNow(CalendarDate)
    /// The member already has `limit` PENDING or ACTIVE requests.
    case tooManyOpenRequests(limit: Int)
    /// The member reset their panel password `limit` times in the window; the next is allowed at `retryAt`.
    case tooManyPasswordResets(limit: Int, retryAt: Date)
    /// The date is after `CalendarDate.latest`, which the store could not read back.
    case dateTooLate(CalendarDate)
    /// Only the organizer (or a moderator) may do this.
    case notOrganizer(id: Int)
    /// Only the applicant or the organizer of the request may withdraw it.
    case notApplicant(id: Int)
    /// Only the loan's organizer and its panel users keep its whitelist.
    case notLoanMember(id: Int)
    /// The server refused a console command: it is not running.
    case serverNotRunning(id: Int)
    /// The end date changed since it was shown (a second click on an extend button).
    case endDateChanged(id: Int, current: Date?)
    /// The organizer has used every extension `CHECKOUT_EXTEND_LIMIT` allows for this loan.
    case extendLimitReached(id: Int, limit: Int)
    /// The scheduler's expiry found the loan extended since it read the list.
    case notEnded(id: Int, endDate: Date)
    /// The task is not waiting for a moderator.
    case taskNotFailed(id: Int, state: TaskState)
    /// The named server cannot run the request's version: why, in words a moderator can act on.
    case serverUnsuitable(alias: String, reason: String)
    /// Free servers exist, but none can run the request's version; each one's reason.
    case noSuitableServer(reasons: [String])
    /// The version reads like a release number, but Mojang never released it; `closest` are
    /// existing releases near it, newest first.
    case unknownMinecraftVersion(String, closest: [String])

    public var description: String {
        switch self {
        case .workflowNotFound(let id): "request #\(id) does not exist"
        case .taskNotFound(let id): "task #\(id) does not exist"
        case .invalidRequest(let field, let rule): "\(field): \(rule)"
        case .alreadyDecided(let id, let status, let by):
            "request #\(id) is already \(status.rawValue)" + (by.map { " (by \($0))" } ?? "")
        case .approvalInProgress(let id, let by): "request #\(id) is already being approved (by \(by))"
        case .returnInProgress(let id, let by): "loan #\(id) is already being returned (asked by \(by))"
        case .panelUsersChangeInProgress(let id): "loan #\(id) has a change of panel users under way: try again when it is done"
        case .notAllowed(let id, let status, let action): "request #\(id) is \(status.rawValue): it cannot be \(action)"
        case .noFreeServer: "no free server: every server in the pool is lent or reserved"
        case .serverNotFound(let alias): "no server is called \(alias)"
        case .serverNotFree(let alias, let heldBy):
            "server \(alias) is not free" + (heldBy.map { " (request #\($0) holds it)" } ?? "")
        case .bindingInUse(let alias, let workflowId): "server \(alias) is in use by request #\(workflowId)"
        case .usernameMissing(let discordId): "a panel username is needed for <@\(discordId)>"
        case .usernameInvalid(let name):
            "\(name) is not a valid panel username: 3 to 191 characters, lowercase letters, digits, _ . -, starting and ending with a letter or digit"
        case .usernameTaken(let name): "the panel username \(name) is already taken"
        case .dateNotInFuture(let date): "\(date) is not after today"
        case .endBeforeNow(let date): "\(date) has already ended"
        case .tooManyOpenRequests(let limit): "you already have \(limit) open requests: wait until one is decided or returned"
        case .tooManyPasswordResets(let limit, _): "the panel password was reset \(limit) times recently: try again later"
        case .dateTooLate(let date): "\(date) is too late: the last day a loan may end on is \(CalendarDate.latest)"
        case .notOrganizer(let id): "only the organizer of request #\(id) or a moderator may do this"
        case .notApplicant(let id): "only the applicant or the organizer of request #\(id) may withdraw it"
        case .notLoanMember(let id): "only the organizer and the panel users of loan #\(id) may do this"
        case .serverNotRunning(let id): "the server of loan #\(id) is not running: start it, then try again"
        case .endDateChanged(let id, _): "loan #\(id) was already extended"
        case .extendLimitReached(let id, let limit): "loan #\(id) has been extended \(limit) time(s) by its organizer, the most allowed; a moderator can still extend it"
        case .notEnded(let id, _): "loan #\(id) has not ended: it was extended"
        case .taskNotFailed(let id, let state): "task #\(id) is \(state.rawValue), not FAILED"
        case .serverUnsuitable(_, let reason): reason
        case .noSuitableServer(let reasons): "no free server can run this version: " + reasons.joined(separator: "; ")
        case .unknownMinecraftVersion(let version, let closest):
            "\(version) is not a Minecraft release" + (closest.isEmpty ? "" : "; closest: \(closest.joined(separator: ", "))")
        }
    }
}
