/// A channel as far as the bot needs one: `resolved.channels` (a partial channel) and the DM channel
/// that `POST /users/@me/channels` returns (type 1, with `recipients`).
public struct Channel: Sendable, Hashable, Codable {
    public var id: ChannelID
    /// 0 guild text, 1 DM, 2 voice, 4 category, 5 announcement, 11/12 threads, 15 forum; kept as a
    /// number because the bot branches on very few of them.
    public var type: Int
    public var name: String?
    public var guildID: GuildID?
    public var parentID: ChannelID?
    /// The invoking member's permissions in this channel (resolved channels only).
    public var permissions: Permissions?
    public var recipients: [User]?
    /// Per-role and per-member exceptions (guild channels from `GET /channels/{channel_id}`).
    public var permissionOverwrites: [PermissionOverwrite]?

    /// The type of a direct-message channel.
    public static var directMessageType: Int { 1 }

    enum CodingKeys: String, CodingKey {
        case id, type, name, permissions, recipients
        case guildID = "guild_id"
        case parentID = "parent_id"
        case permissionOverwrites = "permission_overwrites"
    }
}
