/// What the workflow needs from the Discord community, without Discord's JSON.
public protocol Community: Sendable {
    /// Gives the configured panel-user role to the member; no-op when no role is configured or
    /// the member already has it.
    func grantPanelUserRole(to discordId: String) async throws

    /// The member's name as the guild shows it (nickname, global name or username), or nil
    /// when the member cannot be found.
    func displayName(of discordId: String) async throws -> String?
}
