public import Discord

/// Who counts as a moderator: a member with one of `DISCORD_ADMIN_ROLE_IDS`, or with
/// Administrator or Manage Guild in the interaction's channel. Decided from the interaction
/// itself (Discord computes `member.permissions` with every override applied), so it costs no
/// request and cannot be fooled by a custom_id.
public struct Moderation: Sendable {
    public let adminRoleIDs: Set<String>

    public init(adminRoleIDs: [String]) {
        self.adminRoleIDs = Set(adminRoleIDs)
    }

    public func isModerator(_ member: GuildMember?) -> Bool {
        guard let member else { return false }
        if member.roles.contains(where: { adminRoleIDs.contains($0.description) }) { return true }
        guard let permissions = member.permissions else { return false }
        return permissions.contains(.administrator) || permissions.contains(.manageGuild)
    }
}
