/// A guild as `GET /guilds/{guild_id}` returns it, with only what the bot reads (SPEC
/// `GuildWithCountsResponse`); the many other fields are ignored on decoding.
public struct Guild: Sendable, Hashable, Codable {
    public var id: GuildID
    public var name: String
    /// The language a community server chose for its public texts ("Primary language" in the
    /// server settings); `en-US` unless the guild changed it.
    public var preferredLocale: DiscordLocale?
    /// The owner holds every permission whatever the roles say.
    public var ownerID: UserID?

    enum CodingKeys: String, CodingKey {
        case id, name
        case preferredLocale = "preferred_locale"
        case ownerID = "owner_id"
    }
}
