/// A node of the options tree in a received command: a subcommand group, a subcommand, or a leaf
/// with a value. `value` and `options` are never both present.
public struct InteractionOption: Sendable, Hashable {
    public var name: String
    public var type: CommandOptionType
    public var value: OptionValue?
    public var options: [InteractionOption]?
    /// True on the one option the user is typing in an autocomplete interaction.
    public var isFocused: Bool

    public init(name: String, type: CommandOptionType, value: OptionValue? = nil, options: [InteractionOption]? = nil,
                isFocused: Bool = false) {
        self.name = name
        self.type = type
        self.value = value
        self.options = options
        self.isFocused = isFocused
    }
}

extension InteractionOption: Codable {
    private enum CodingKeys: String, CodingKey {
        case name, type, value, options, focused
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        type = try container.decode(CommandOptionType.self, forKey: .type)
        options = try container.decodeIfPresent([InteractionOption].self, forKey: .options)
        isFocused = try container.decodeIfPresent(Bool.self, forKey: .focused) ?? false
        guard container.contains(.value) else {
            value = nil
            return
        }
        do {
            value = try Self.decodeValue(of: type, from: container)
        } catch where isFocused {
            // Autocomplete sends whatever the user has typed, e.g. "12a" for an integer option.
            value = .partial(try container.decode(String.self, forKey: .value))
        }
    }

    private static func decodeValue(of type: CommandOptionType, from container: KeyedDecodingContainer<CodingKeys>) throws -> OptionValue {
        switch type {
        case .string: .string(try container.decode(String.self, forKey: .value))
        case .integer: .integer(try container.decode(Int64.self, forKey: .value))
        case .boolean: .boolean(try container.decode(Bool.self, forKey: .value))
        case .number: .number(try container.decode(Double.self, forKey: .value))
        case .user: .user(try container.decode(UserID.self, forKey: .value))
        case .channel: .channel(try container.decode(ChannelID.self, forKey: .value))
        case .role: .role(try container.decode(RoleID.self, forKey: .value))
        case .mentionable: .mentionable(try container.decode(AnySnowflake.self, forKey: .value))
        case .attachment: .attachment(try container.decode(AttachmentID.self, forKey: .value))
        default:
            // An option type Discord adds later: keep its text if it is one, else ignore the value.
            if let text = try? container.decode(String.self, forKey: .value) { .partial(text) } else { .partial("") }
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(type, forKey: .type)
        try container.encodeIfPresent(options, forKey: .options)
        if isFocused { try container.encode(true, forKey: .focused) }
        switch value {
        case nil: break
        case .string(let text), .partial(let text): try container.encode(text, forKey: .value)
        case .integer(let number): try container.encode(number, forKey: .value)
        case .boolean(let flag): try container.encode(flag, forKey: .value)
        case .number(let number): try container.encode(number, forKey: .value)
        case .user(let id): try container.encode(id, forKey: .value)
        case .channel(let id): try container.encode(id, forKey: .value)
        case .role(let id): try container.encode(id, forKey: .value)
        case .mentionable(let id): try container.encode(id, forKey: .value)
        case .attachment(let id): try container.encode(id, forKey: .value)
        }
    }
}
