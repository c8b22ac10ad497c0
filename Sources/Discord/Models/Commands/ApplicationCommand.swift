/// A command definition, one element of the array sent to `PUT /applications/{id}/commands` (or
/// the guild variant), which replaces all of the application's commands at once.
///
/// New commands count toward Discord's 200 creates per day per guild, so the bot overwrites only
/// when its definitions changed.
public struct ApplicationCommand: Sendable, Hashable, Codable {
    /// 1–32 characters; for chat-input commands lowercase letters, digits, `-`, `_`, `'`.
    public var name: String
    public var nameLocalizations: [DiscordLocale: String]?
    /// 1–100 characters for chat-input commands; user and message commands have none.
    public var description: String?
    public var descriptionLocalizations: [DiscordLocale: String]?
    public var type: ApplicationCommandType?
    public var options: [CommandOption]?
    /// Who may use the command unless a server admin changes it; `[]` (sent as `"0"`) means
    /// administrators only. Sent as a decimal string, as the docs say.
    public var defaultMemberPermissions: Permissions?
    public var contexts: [InteractionContextType]?
    /// 0 guild install, 1 user install.
    public var integrationTypes: [Int]?
    public var isNSFW: Bool?

    public init(name: String, nameLocalizations: [DiscordLocale: String]? = nil, description: String? = nil,
                descriptionLocalizations: [DiscordLocale: String]? = nil, type: ApplicationCommandType? = .chatInput,
                options: [CommandOption]? = nil, defaultMemberPermissions: Permissions? = nil,
                contexts: [InteractionContextType]? = nil, integrationTypes: [Int]? = nil, isNSFW: Bool? = nil) {
        self.name = name
        self.nameLocalizations = nameLocalizations
        self.description = description
        self.descriptionLocalizations = descriptionLocalizations
        self.type = type
        self.options = options
        self.defaultMemberPermissions = defaultMemberPermissions
        self.contexts = contexts
        self.integrationTypes = integrationTypes
        self.isNSFW = isNSFW
    }

    enum CodingKeys: String, CodingKey {
        case name, description, type, options, contexts
        case nameLocalizations = "name_localizations"
        case descriptionLocalizations = "description_localizations"
        case defaultMemberPermissions = "default_member_permissions"
        case integrationTypes = "integration_types"
        case isNSFW = "nsfw"
    }
}
