/// Reading a received command without walking the options tree by hand.
extension ApplicationCommandData {
    /// The subcommand group and subcommand names that were invoked, outermost first: `["loan",
    /// "extend"]` for `/server loan extend`, `["status"]` for `/server status`, `[]` without
    /// subcommands.
    public var subcommandPath: [String] {
        var path: [String] = []
        var level = options ?? []
        while let node = level.first(where: { $0.type == .subcommandGroup || $0.type == .subcommand }) {
            path.append(node.name)
            level = node.options ?? []
        }
        return path
    }

    /// The leaf options of the invoked subcommand (or of the command itself without subcommands).
    public var leafOptions: [InteractionOption] {
        var level = options ?? []
        while let node = level.first(where: { $0.type == .subcommandGroup || $0.type == .subcommand }) {
            level = node.options ?? []
        }
        return level
    }

    /// The option the user is typing in, in an autocomplete interaction.
    public var focusedOption: InteractionOption? {
        leafOptions.first(where: \.isFocused)
    }

    public func option(named name: String) -> InteractionOption? {
        leafOptions.first { $0.name == name }
    }

    public func string(_ name: String) -> String? {
        if case .string(let value)? = option(named: name)?.value { value } else { nil }
    }

    public func integer(_ name: String) -> Int64? {
        if case .integer(let value)? = option(named: name)?.value { value } else { nil }
    }

    public func boolean(_ name: String) -> Bool? {
        if case .boolean(let value)? = option(named: name)?.value { value } else { nil }
    }

    public func number(_ name: String) -> Double? {
        if case .number(let value)? = option(named: name)?.value { value } else { nil }
    }

    public func userID(_ name: String) -> UserID? {
        if case .user(let value)? = option(named: name)?.value { value } else { nil }
    }

    /// The user option's user, looked up in `resolved.users`.
    public func user(_ name: String) -> User? {
        userID(name).flatMap { resolved?.users?[$0] }
    }

    /// The user option's guild membership, looked up in `resolved.members` (nil outside guilds).
    public func member(_ name: String) -> GuildMember? {
        userID(name).flatMap { resolved?.members?[$0] }
    }

    public func channelID(_ name: String) -> ChannelID? {
        if case .channel(let value)? = option(named: name)?.value { value } else { nil }
    }

    public func channel(_ name: String) -> Channel? {
        channelID(name).flatMap { resolved?.channels?[$0] }
    }

    public func roleID(_ name: String) -> RoleID? {
        if case .role(let value)? = option(named: name)?.value { value } else { nil }
    }

    public func role(_ name: String) -> Role? {
        roleID(name).flatMap { resolved?.roles?[$0] }
    }

    public func mentionableID(_ name: String) -> AnySnowflake? {
        if case .mentionable(let value)? = option(named: name)?.value { value } else { nil }
    }

    public func attachment(_ name: String) -> Attachment? {
        guard case .attachment(let id)? = option(named: name)?.value else { return nil }
        return resolved?.attachments?[id]
    }
}
