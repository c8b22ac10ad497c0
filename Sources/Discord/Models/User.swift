/// A Discord user, as `GET /users/@me`, `member.user`, `user` (in DMs) and `resolved.users` carry it.
/// Only the fields the bot reads are modelled; the rest are ignored on decoding.
public struct User: Sendable, Hashable, Codable {
    public var id: UserID
    public var username: String
    /// `"0"` for users on the new username system; kept because the spec marks it required.
    public var discriminator: String?
    /// Display name, if the user set one; prefer it over `username` when addressing someone.
    public var globalName: String?
    public var avatar: String?
    public var isBot: Bool?
    public var isSystem: Bool?

    /// What to call the user in a message: the display name when set, else the username.
    public var displayName: String { globalName ?? username }

    enum CodingKeys: String, CodingKey {
        case id, username, discriminator, avatar
        case globalName = "global_name"
        case isBot = "bot"
        case isSystem = "system"
    }
}
