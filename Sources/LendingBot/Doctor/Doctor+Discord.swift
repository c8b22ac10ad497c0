import Discord
import Foundation
import HTTP

/// Discord: the token, the guild, the notify channel and the bot's right to post there, the
/// panel-user role against the bot's, the moderator roles, and the registered commands.
extension Doctor {
    /// What the channel permission check asks for: seeing the channel, posting, and embeds (every
    /// notice is an embed).
    static let noticePermissions: [(Permissions, String)] = [(.viewChannel, "VIEW_CHANNEL"), (.sendMessages, "SEND_MESSAGES"), (.embedLinks, "EMBED_LINKS")]

    func discordChecks(_ configuration: BotConfiguration, http: HTTPClient) async -> [DoctorCheck] {
        guard let token = configuration.discordToken else {
            return [DoctorCheck("discord token", .skipped, "DISCORD_TOKEN is not set")]
        }
        var clientConfiguration = DiscordClient.Configuration(token: token, baseURL: configuration.discordAPIURL.absoluteString)
        clientConfiguration.requestTimeout = options.requestTimeout
        clientConfiguration.maxAttempts = 2
        let discord = DiscordClient(configuration: clientConfiguration, transport: http, limiter: RateLimiter(clock: ContinuousClock(), logger: logger), logger: logger)

        let bot: User
        do throws(DiscordError) {
            bot = try await discord.currentUser()
        } catch where error.kind == .unauthorized {
            return [DoctorCheck("discord token", .failed, "DISCORD_TOKEN: Discord refused the token (401); copy the bot token again from the Developer Portal")]
        } catch {
            return [DoctorCheck("discord token", .failed, "cannot reach Discord at DISCORD_API_URL: \(error)")]
        }
        var checks = [DoctorCheck("discord token", .ok, "signed in as \(bot.username)")]
        guard let guildID = configuration.guildID.flatMap(GuildID.init) else {
            checks.append(DoctorCheck("discord guild", .skipped, "DISCORD_GUILD_ID is not set"))
            return checks
        }
        let guild: Guild
        let roles: [Role]
        let member: GuildMember
        do throws(DiscordError) {
            guild = try await discord.guild(guildID)
            roles = try await discord.guildRoles(guildID)
            member = try await discord.guildMember(bot.id, in: guildID)
        } catch {
            let detail = error.isMissingOrForbidden
                ? "DISCORD_GUILD_ID: the bot is not in this server (or it does not exist); invite it with the bot and applications.commands scopes"
                : "DISCORD_GUILD_ID: cannot read the server: \(error)"
            checks.append(DoctorCheck("discord guild", .failed, detail))
            return checks
        }
        checks.append(DoctorCheck("discord guild", .ok, "\(guild.name): the bot is a member with \(member.roles.count) role(s)"))
        let context = GuildContext(guild: guildID, bot: bot.id, botRoles: member.roles, roles: roles,
                                   permissions: Permissions.guildLevel(of: bot.id, roles: member.roles, in: guildID, owner: guild.ownerID, guildRoles: roles))
        checks.append(await notifyChannelCheck(configuration, context: context, discord: discord))
        checks.append(await boardChannelCheck(configuration, context: context, discord: discord))
        checks.append(Self.panelUserRoleCheck(configuration, context: context))
        checks.append(Self.moderatorRolesCheck(configuration, context: context))
        checks.append(await commandsCheck(application: ApplicationID(bot.id.rawValue), guild: guildID, discord: discord))
        return checks
    }

    /// What the checks after the guild share: the bot's roles and its guild-wide permissions.
    struct GuildContext {
        let guild: GuildID
        let bot: UserID
        let botRoles: [RoleID]
        let roles: [Role]
        let permissions: Permissions

        /// The highest position among the bot's roles (0, @everyone's, when it has none).
        var botPosition: Int {
            roles.filter { botRoles.contains($0.id) }.compactMap(\.position).max() ?? 0
        }
    }

    func notifyChannelCheck(_ configuration: BotConfiguration, context: GuildContext, discord: DiscordClient) async -> DoctorCheck {
        let name = "notify channel"
        guard let channelID = configuration.notifyChannelID.flatMap(ChannelID.init) else {
            return DoctorCheck(name, .warning, "DISCORD_NOTIFY_CHANNEL_ID not set: moderators get notices by direct message only")
        }
        return await postingCheck(name, variable: "DISCORD_NOTIFY_CHANNEL_ID", channelID: channelID, context: context, discord: discord)
    }

    /// The live board's channel needs what the notify channel needs: to be seen and posted in.
    func boardChannelCheck(_ configuration: BotConfiguration, context: GuildContext, discord: DiscordClient) async -> DoctorCheck {
        let name = "board channel"
        guard let channelID = configuration.boardChannelID.flatMap(ChannelID.init) else {
            return DoctorCheck(name, .ok, "BOARD_CHANNEL_ID not set: no live board")
        }
        return await postingCheck(name, variable: "BOARD_CHANNEL_ID", channelID: channelID, context: context, discord: discord)
    }

    /// The channel `variable` names is in the guild, and the bot can view, post and embed there.
    private func postingCheck(_ name: String, variable: String, channelID: ChannelID, context: GuildContext, discord: DiscordClient) async -> DoctorCheck {
        let channel: Channel
        do throws(DiscordError) {
            channel = try await discord.channel(channelID)
        } catch {
            let detail = error.isMissingOrForbidden
                ? "\(variable): no such channel, or the bot cannot see it; use the id of a text channel of the server"
                : "\(variable): cannot read the channel: \(error)"
            return DoctorCheck(name, .failed, detail)
        }
        guard channel.guildID == context.guild else {
            return DoctorCheck(name, .failed, "\(variable): the channel is not in DISCORD_GUILD_ID's server")
        }
        let permissions = context.permissions.inChannel(overwrites: channel.permissionOverwrites ?? [], member: context.bot, roles: context.botRoles, guild: context.guild)
        let missing = Self.noticePermissions.filter { !permissions.contains($0.0) }.map(\.1)
        guard missing.isEmpty else {
            return DoctorCheck(name, .failed, "\(variable): the bot lacks \(missing.joined(separator: ", ")) in #\(channel.name ?? "?"); allow them for the bot's role in the channel's permissions")
        }
        return DoctorCheck(name, .ok, "#\(channel.name ?? "?"): the bot can view, post and embed")
    }

    /// The bot can give the panel-user role: MANAGE_ROLES, and its highest role above that role.
    static func panelUserRoleCheck(_ configuration: BotConfiguration, context: GuildContext) -> DoctorCheck {
        let name = "panel-user role"
        guard let roleID = configuration.panelUserRoleID else {
            return DoctorCheck(name, .ok, "DISCORD_PANEL_USER_ROLE_ID not set: panel users get no role")
        }
        guard let role = context.roles.first(where: { $0.id.description == roleID }) else {
            return DoctorCheck(name, .failed, "DISCORD_PANEL_USER_ROLE_ID: no such role in the server")
        }
        var problems: [String] = []
        if !context.permissions.contains(.manageRoles) {
            problems.append("the bot lacks MANAGE_ROLES; grant it to the bot's role")
        }
        if (role.position ?? 0) >= context.botPosition {
            problems.append("@\(role.name) is not below the bot's highest role; drag the bot's role above it in Server Settings > Roles")
        }
        guard problems.isEmpty else {
            return DoctorCheck(name, .failed, "DISCORD_PANEL_USER_ROLE_ID: " + problems.joined(separator: "; "))
        }
        return DoctorCheck(name, .ok, "@\(role.name) is below the bot's role and the bot has MANAGE_ROLES")
    }

    static func moderatorRolesCheck(_ configuration: BotConfiguration, context: GuildContext) -> DoctorCheck {
        let name = "moderator roles"
        guard !configuration.adminRoleIDs.isEmpty else {
            return DoctorCheck(name, .ok, "DISCORD_ADMIN_ROLE_IDS not set: only members with Administrator moderate")
        }
        let known = Set(context.roles.map(\.id.description))
        let unknown = configuration.adminRoleIDs.filter { !known.contains($0) }
        guard unknown.isEmpty else {
            return DoctorCheck(name, .failed, "DISCORD_ADMIN_ROLE_IDS: no role \(unknown.joined(separator: ", ")) in the server")
        }
        return DoctorCheck(name, .ok, "\(configuration.adminRoleIDs.count) role(s) found")
    }

    /// The guild's commands against this release's definitions (`CommandRegistration`); a
    /// difference is a warning because `run` and `register-commands` write them.
    func commandsCheck(application: ApplicationID, guild: GuildID, discord: DiscordClient) async -> DoctorCheck {
        let name = "commands"
        do throws(DiscordError) {
            let registered = try await discord.guildCommands(application: application, guild: guild)
            if CommandRegistration.isUpToDate(registered, with: CommandDefinitions.all) {
                return DoctorCheck(name, .ok, "\(registered.count) registered, as this release defines them")
            }
            return DoctorCheck(name, .warning, "\(registered.count) registered, differing from this release's \(CommandDefinitions.all.count): run lending-bot register-commands (run does it at start-up)")
        } catch {
            let detail = error.isMissingOrForbidden
                ? "cannot read the commands: invite the bot with the applications.commands scope"
                : "cannot read the commands: \(error)"
            return DoctorCheck(name, .failed, detail)
        }
    }
}

extension DiscordError {
    /// 403 or 404: the bot is not there or may not look.
    fileprivate var isMissingOrForbidden: Bool {
        if case .rejected(let status) = kind { return status == 403 || status == 404 }
        return false
    }
}
