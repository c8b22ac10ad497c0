/// An option in a command definition: a subcommand group, a subcommand, or a typed parameter.
///
/// `minValue`/`maxValue` use the choice value type so that an integer option sends integers, not
/// `1.0`. Nil fields are omitted from the JSON.
public struct CommandOption: Sendable, Hashable, Codable {
    public var type: CommandOptionType
    public var name: String
    public var nameLocalizations: [DiscordLocale: String]?
    public var description: String
    public var descriptionLocalizations: [DiscordLocale: String]?
    public var isRequired: Bool?
    public var choices: [CommandOptionChoice]?
    /// Subcommands of a group, or parameters of a subcommand.
    public var options: [CommandOption]?
    public var channelTypes: [Int]?
    public var minValue: CommandOptionChoice.Value?
    public var maxValue: CommandOptionChoice.Value?
    public var minLength: Int?
    public var maxLength: Int?
    /// Exclusive with `choices`: the bot answers type-4 interactions with suggestions instead.
    public var hasAutocomplete: Bool?

    public init(type: CommandOptionType, name: String, nameLocalizations: [DiscordLocale: String]? = nil,
                description: String, descriptionLocalizations: [DiscordLocale: String]? = nil, isRequired: Bool? = nil,
                choices: [CommandOptionChoice]? = nil, options: [CommandOption]? = nil, channelTypes: [Int]? = nil,
                minValue: CommandOptionChoice.Value? = nil, maxValue: CommandOptionChoice.Value? = nil,
                minLength: Int? = nil, maxLength: Int? = nil, hasAutocomplete: Bool? = nil) {
        self.type = type
        self.name = name
        self.nameLocalizations = nameLocalizations
        self.description = description
        self.descriptionLocalizations = descriptionLocalizations
        self.isRequired = isRequired
        self.choices = choices
        self.options = options
        self.channelTypes = channelTypes
        self.minValue = minValue
        self.maxValue = maxValue
        self.minLength = minLength
        self.maxLength = maxLength
        self.hasAutocomplete = hasAutocomplete
    }

    enum CodingKeys: String, CodingKey {
        case type, name, description, choices, options
        case nameLocalizations = "name_localizations"
        case descriptionLocalizations = "description_localizations"
        case isRequired = "required"
        case channelTypes = "channel_types"
        case minValue = "min_value"
        case maxValue = "max_value"
        case minLength = "min_length"
        case maxLength = "max_length"
        case hasAutocomplete = "autocomplete"
    }
}
