public import Foundation

/// The rules of lending an operator configures (README, *Configuration*), in the domain's terms.
public struct LendingPolicy: Sendable {
    /// Zone in which dates typed by people are read (`TIMEZONE`).
    public var timeZone: TimeZone
    /// Longest period a member may ask for (`CHECKOUT_MAX_PERIOD_DAYS`).
    public var maxPeriodDays: Int
    /// Days an organizer's own extension adds (`CHECKOUT_EXTEND_DAYS`).
    public var extendDays: Int
    /// How many times an organizer may extend one loan themselves (`CHECKOUT_EXTEND_LIMIT`);
    /// moderators' extensions do not count and are not limited.
    public var extendLimit: Int
    /// Days before the end date on which the organizer is reminded (`REMINDER_DAYS`).
    public var reminderDays: [Int]
    public var expiryAction: ExpiryAction
    /// Domain of new panel accounts' email addresses (`PANEL_EMAIL_DOMAIN`).
    public var panelEmailDomain: String
    /// Emails never revoked from a server (`PANEL_KEEP_SUBUSERS`), compared ignoring case.
    public var keepSubuserEmails: [String]
    /// What a panel user may do on a lent server.
    public var subuserPermissions: [String]
    public var resetMode: ServerResetMode
    /// Most panel users one request may name.
    public var maxPanelUsers: Int
    /// Startup variables that may hold the Minecraft version, in the order they are looked for
    /// (`PANEL_VERSION_VARIABLE`, else the stock eggs' names).
    public var versionVariables: [String]
    /// Whether an approval starts the server once it is installed (`START_ON_APPROVAL`).
    public var startOnApproval: Bool

    /// The version variables of the stock Paper, Vanilla and Forge eggs.
    public static let stockVersionVariables = ["MINECRAFT_VERSION", "VANILLA_VERSION", "MC_VERSION"]
    /// Most PENDING or ACTIVE requests one member may have filed at once
    /// (`CHECKOUT_MAX_OPEN_REQUESTS`): a member cannot tie up the pool or flood the moderators.
    public var maxOpenRequests: Int
    /// Most `/mcserver reset-password` runs one member may make in `passwordResetWindow`: each
    /// one changes a live panel password, so a stolen Discord session cannot churn it unseen.
    public var passwordResetLimit = 3
    /// The sliding window, in seconds, that `passwordResetLimit` counts in.
    public var passwordResetWindow: TimeInterval = 3_600

    public enum ExpiryAction: String, Sendable, CaseIterable {
        /// Return an expired loan automatically.
        case returnLoan = "return"
        /// Tell the moderators once and leave the loan as it is.
        case notifyModerators = "notify"
    }

    public init(timeZone: TimeZone = .current, maxPeriodDays: Int = 30, extendDays: Int = 7, extendLimit: Int = 1, reminderDays: [Int] = [3, 1],
                expiryAction: ExpiryAction = .returnLoan, panelEmailDomain: String = "kpw.local", keepSubuserEmails: [String] = [],
                subuserPermissions: [String], resetMode: ServerResetMode = .deleteFiles, maxPanelUsers: Int = 10,
                versionVariables: [String] = LendingPolicy.stockVersionVariables, startOnApproval: Bool = true,
                maxOpenRequests: Int = 2) {
        self.timeZone = timeZone
        self.maxPeriodDays = maxPeriodDays
        self.extendDays = extendDays
        self.extendLimit = extendLimit
        self.reminderDays = reminderDays
        self.expiryAction = expiryAction
        self.panelEmailDomain = panelEmailDomain
        self.keepSubuserEmails = keepSubuserEmails
        self.subuserPermissions = subuserPermissions
        self.resetMode = resetMode
        self.maxPanelUsers = maxPanelUsers
        self.versionVariables = versionVariables
        self.startOnApproval = startOnApproval
        self.maxOpenRequests = maxOpenRequests
    }

    /// Whether `email` is on the keep-list.
    func keeps(_ email: String) -> Bool {
        keepSubuserEmails.contains { $0.lowercased() == email.lowercased() }
    }
}
