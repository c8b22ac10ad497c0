extension DiscordClient {
    /// Gives `user` the role; `reason` goes to the audit log (percent-encoded, at most 512 characters).
    /// Needs MANAGE_ROLES and a role below the bot's highest, else 403 with code 50013.
    public func addRole(_ role: RoleID, to user: UserID, in guild: GuildID, reason: String? = nil) async throws(DiscordError) {
        _ = try await send(.addMemberRole(guild, user, role), auditLogReason: reason)
    }

    public func guildMember(_ user: UserID, in guild: GuildID) async throws(DiscordError) -> GuildMember {
        let route = Route.getGuildMember(guild, user)
        return try decode(GuildMember.self, from: await send(route), route: route)
    }

    /// The guild, for its preferred locale (the language of notices before any interaction says it).
    public func guild(_ guild: GuildID) async throws(DiscordError) -> Guild {
        let route = Route.getGuild(guild)
        return try decode(Guild.self, from: await send(route), route: route)
    }
}

extension DiscordClient {
    /// Every role of the guild with its position and permissions (needs the bot in the guild).
    public func guildRoles(_ guild: GuildID) async throws(DiscordError) -> [Role] {
        let route = Route.getGuildRoles(guild)
        return try decode([Role].self, from: await send(route), route: route)
    }

    /// A channel with its guild and permission overwrites; 404 10003 when it does not exist, 403
    /// 50001 when the bot cannot see it.
    public func channel(_ channel: ChannelID) async throws(DiscordError) -> Channel {
        let route = Route.getChannel(channel)
        return try decode(Channel.self, from: await send(route), route: route)
    }
}
