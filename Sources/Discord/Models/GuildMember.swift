/// A user's membership in a guild: `GET /guilds/{guild_id}/members/{user_id}`, an interaction's
/// `member`, and `resolved.members`.
///
/// `user` is absent in `resolved.members` (the user sits in `resolved.users`), and `permissions` is
/// present only inside interactions, where it is the member's computed permissions in the channel.
/// Timestamps stay in Discord's ISO 8601 text form because the bot only passes them along.
public struct GuildMember: Sendable, Hashable, Codable {
    public var user: User?
    public var nick: String?
    public var roles: [RoleID]
    public var joinedAt: String?
    public var permissions: Permissions?
    public var isPending: Bool?
    public var communicationDisabledUntil: String?
    public var avatar: String?

    enum CodingKeys: String, CodingKey {
        case user, nick, roles, permissions, avatar
        case joinedAt = "joined_at"
        case isPending = "pending"
        case communicationDisabledUntil = "communication_disabled_until"
    }
}
