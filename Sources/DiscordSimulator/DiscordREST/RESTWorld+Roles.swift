import SimulatorSupport
/// The guild's roles and channels as the read routes show them, derived from the same settings that
/// decide the writes (`isManageable`, `botCanManageRoles`, `isWritable`), so that what a client
/// reads about permissions always predicts what Discord will then allow.
extension RESTWorld {
    /// Discord's default @everyone permissions (view, send, embed, history, reactions, commands, ...).
    static let everyonePermissions: UInt64 = 2_248_473_465_835_073
    /// VIEW_CHANNEL, SEND_MESSAGES, EMBED_LINKS, READ_MESSAGE_HISTORY, USE_APPLICATION_COMMANDS.
    static let botRolePermissions: UInt64 = 1 << 10 | 1 << 11 | 1 << 14 | 1 << 16 | 1 << 31
    static let manageRoles: UInt64 = 1 << 28
    static let sendMessages: UInt64 = 1 << 11

    /// @everyone at position 0, the manageable roles, the bot's managed role, then the roles above it.
    var guildRoles: [SimulatorJSON] {
        let below = configuration.roles.filter(\.isManageable)
        let above = configuration.roles.filter { !$0.isManageable }
        var roles: [SimulatorJSON] = [Self.role(id: configuration.guildID, name: "@everyone", position: 0, permissions: Self.everyonePermissions)]
        for role in below {
            roles.append(Self.role(id: role.id, name: role.name, position: roles.count, permissions: 0))
        }
        let botPermissions = Self.botRolePermissions | (configuration.botCanManageRoles ? Self.manageRoles : 0)
        roles.append(Self.role(id: configuration.botRoleID, name: configuration.botUsername, position: roles.count, permissions: botPermissions,
                               botID: configuration.botUserID))
        for role in above {
            roles.append(Self.role(id: role.id, name: role.name, position: roles.count, permissions: 0))
        }
        return roles
    }

    static func role(id: String, name: String, position: Int, permissions: UInt64, botID: String? = nil) -> SimulatorJSON {
        var role: [String: SimulatorJSON] = [
            "id": .string(id), "name": .string(name), "description": nil, "permissions": .string(String(permissions)),
            "position": .integer(Int64(position)), "color": 0, "colors": ["primary_color": 0, "secondary_color": nil, "tertiary_color": nil],
            "hoist": false, "managed": .bool(botID != nil), "mentionable": false, "icon": nil, "unicode_emoji": nil, "flags": 0,
        ]
        if let botID { role["tags"] = ["bot_id": .string(botID)] }
        return .object(role)
    }

    /// `GET /channels/{channel_id}` (SPEC `GuildChannelResponse`, `PrivateChannelResponse`). A
    /// channel where the bot may not post carries Discord's usual way of saying so: an @everyone
    /// overwrite that denies SEND_MESSAGES.
    func getChannel(_ match: RouteMatch) -> SimulatedResponse {
        let channelID = match["channel_id"]
        if let recipientID = dmRecipientsByChannel[channelID], let recipient = user(recipientID) {
            return .json(200, ["id": .string(channelID), "type": 1, "flags": 0, "last_message_id": nil, "recipients": [recipient]])
        }
        guard let index = configuration.channels.firstIndex(where: { $0.id == channelID }) else { return .error(404, .unknownChannel) }
        let channel = configuration.channels[index]
        guard channel.isViewable else { return .error(403, .missingAccess) }
        let overwrites: SimulatorJSON = channel.isWritable ? [] : [
            ["id": .string(configuration.guildID), "type": 0, "allow": "0", "deny": .string(String(Self.sendMessages))],
        ]
        return .json(200, [
            "id": .string(channel.id), "type": 0, "guild_id": .string(configuration.guildID), "name": .string(channel.name),
            "position": .integer(Int64(index)), "permission_overwrites": overwrites, "parent_id": nil, "topic": nil, "nsfw": false,
            "rate_limit_per_user": 0, "last_message_id": nil, "last_pin_timestamp": nil, "flags": 0,
        ])
    }
}
