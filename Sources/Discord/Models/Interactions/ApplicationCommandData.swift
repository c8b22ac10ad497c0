/// `data` of an application command (type 2) or autocomplete (type 4) interaction.
public struct ApplicationCommandData: Sendable, Hashable, Codable {
    public var id: CommandID
    /// The default, unlocalised name, whatever the user's language.
    public var name: String
    public var type: ApplicationCommandType
    public var options: [InteractionOption]?
    public var resolved: ResolvedData?
    /// Set for guild commands.
    public var guildID: GuildID?
    /// The user or message a context-menu command was used on.
    public var targetID: AnySnowflake?

    enum CodingKeys: String, CodingKey {
        case id, name, type, options, resolved
        case guildID = "guild_id"
        case targetID = "target_id"
    }
}
