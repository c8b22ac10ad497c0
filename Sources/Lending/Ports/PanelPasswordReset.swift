/// What `/mcserver reset-password` found on the panel for a member's account record, and did.
public enum PanelPasswordReset: Sendable, Equatable {
    /// The password was set; the account's username and panel id.
    case reset(username: String, panelUserID: Int)
    /// No account has the record's email or username.
    case notOnPanel
    /// The account is a panel administrator's, which the bot never touches.
    case administrator
    /// The account is marked (`external_id`) as another Discord user's.
    case ownedByAnother
}
