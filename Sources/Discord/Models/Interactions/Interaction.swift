public import Secrets

/// What an `INTERACTION_CREATE` dispatch carries (`d`): a slash command, a button or select click,
/// an autocomplete request or a modal submit.
///
/// The interaction token authorises the callback and, for 15 minutes, follow-ups and edits of the
/// original response; it is held as a `Secret` so that no `description`, `dump` or log shows it.
/// Fields the bot does not use are ignored, and a new interaction type decodes with `data == nil`.
public struct Interaction: Sendable, Hashable, CustomStringConvertible {
    public var id: InteractionID
    public var applicationID: ApplicationID
    public var type: InteractionType
    public var data: InteractionData?
    public var token: Secret
    public var guildID: GuildID?
    public var channelID: ChannelID?
    /// Set in guilds, with `permissions` computed for the channel; `user` is set in DMs instead.
    public var member: GuildMember?
    public var user: User?
    /// The invoking user's client language, e.g. `ja` or `en-US`; absent only for PING.
    public var locale: DiscordLocale?
    public var guildLocale: DiscordLocale?
    /// What the bot itself may do in this channel.
    public var appPermissions: Permissions?
    /// The message a component was on (component interactions and modals opened from one).
    public var message: Message?
    public var context: InteractionContextType?
    public var version: Int?

    /// Who acted: the member's user in a guild, the user in a DM.
    public var invoker: User? { member?.user ?? user }

    /// Names the interaction without its token, so it can go into logs and errors.
    public var description: String {
        "Interaction(id: \(id), type: \(type), guild: \(guildID.map(String.init(describing:)) ?? "none"))"
    }
}

extension Interaction: Codable {
    enum CodingKeys: String, CodingKey {
        case id, type, data, token, member, user, locale, message, context, version
        case applicationID = "application_id"
        case guildID = "guild_id"
        case channelID = "channel_id"
        case guildLocale = "guild_locale"
        case appPermissions = "app_permissions"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(InteractionID.self, forKey: .id)
        applicationID = try container.decode(ApplicationID.self, forKey: .applicationID)
        type = try container.decode(InteractionType.self, forKey: .type)
        token = Secret(try container.decode(String.self, forKey: .token))
        guildID = try container.decodeIfPresent(GuildID.self, forKey: .guildID)
        channelID = try container.decodeIfPresent(ChannelID.self, forKey: .channelID)
        member = try container.decodeIfPresent(GuildMember.self, forKey: .member)
        user = try container.decodeIfPresent(User.self, forKey: .user)
        locale = try container.decodeIfPresent(DiscordLocale.self, forKey: .locale)
        guildLocale = try container.decodeIfPresent(DiscordLocale.self, forKey: .guildLocale)
        appPermissions = try container.decodeIfPresent(Permissions.self, forKey: .appPermissions)
        message = try container.decodeIfPresent(Message.self, forKey: .message)
        context = try container.decodeIfPresent(InteractionContextType.self, forKey: .context)
        version = try container.decodeIfPresent(Int.self, forKey: .version)
        switch type {
        case .applicationCommand:
            data = .applicationCommand(try container.decode(ApplicationCommandData.self, forKey: .data))
        case .messageComponent:
            data = .messageComponent(try container.decode(MessageComponentData.self, forKey: .data))
        case .applicationCommandAutocomplete:
            data = .autocomplete(try container.decode(ApplicationCommandData.self, forKey: .data))
        case .modalSubmit:
            data = .modalSubmit(try container.decode(ModalSubmitData.self, forKey: .data))
        default:
            data = nil
        }
    }

    /// Writes the wire form, token included: for simulators that play Discord, never for logs.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(applicationID, forKey: .applicationID)
        try container.encode(type, forKey: .type)
        try container.encode(token.revealed(), forKey: .token)
        try container.encodeIfPresent(guildID, forKey: .guildID)
        try container.encodeIfPresent(channelID, forKey: .channelID)
        try container.encodeIfPresent(member, forKey: .member)
        try container.encodeIfPresent(user, forKey: .user)
        try container.encodeIfPresent(locale, forKey: .locale)
        try container.encodeIfPresent(guildLocale, forKey: .guildLocale)
        try container.encodeIfPresent(appPermissions, forKey: .appPermissions)
        try container.encodeIfPresent(message, forKey: .message)
        try container.encodeIfPresent(context, forKey: .context)
        try container.encodeIfPresent(version, forKey: .version)
        switch data {
        case .applicationCommand(let data), .autocomplete(let data): try container.encode(data, forKey: .data)
        case .messageComponent(let data): try container.encode(data, forKey: .data)
        case .modalSubmit(let data): try container.encode(data, forKey: .data)
        case nil: break
        }
    }
}
