public import Discord
public import Lending
public import Logging

/// `Community` on Discord: the panel-user role and members' display names, in the one guild.
public struct DiscordCommunity: Community {
    let discord: DiscordClient
    let guild: GuildID
    let panelUserRole: RoleID?
    let logger: Logger

    /// Shown in the guild's audit log next to each role the bot gives.
    static let roleReason = "lending-bot: panel user of an approved loan"

    public init(discord: DiscordClient, guild: GuildID, configuration: BotConfiguration, logger: Logger) {
        self.discord = discord
        self.guild = guild
        self.panelUserRole = configuration.panelUserRoleID.flatMap(RoleID.init)
        self.logger = logger
    }

    /// Reads the member first, so that a member who has the role already costs no write (and no
    /// audit-log entry). Someone who is not in the guild cannot hold a role: that is logged and
    /// the approval goes on (their panel access does not depend on it). A role the bot may not
    /// give is a permanent failure for a moderator to fix.
    public func grantPanelUserRole(to discordId: String) async throws {
        guard let role = panelUserRole else { return }
        guard let user = UserID(discordId) else { throw PortFailure.permanent("\(discordId) is not a Discord user id") }
        let subject = "the panel-user role of <@\(discordId)>"
        do throws(DiscordError) {
            let member = try await discord.guildMember(user, in: guild)
            if member.roles.contains(role) { return }
            try await discord.addRole(role, to: user, in: guild, reason: Self.roleReason)
        } catch where error.code == .unknownMember {
            logger.warning("a panel user is not a member of the guild; no role given", metadata: ["user": "\(discordId)"])
        } catch {
            throw PortFailure(discord: error, sending: subject)
        }
    }

    /// Nickname, else display name, else username; nil for someone who is not a member.
    public func displayName(of discordId: String) async throws -> String? {
        guard let user = UserID(discordId) else { return nil }
        do throws(DiscordError) {
            let member = try await discord.guildMember(user, in: guild)
            return member.nick ?? member.user?.globalName ?? member.user?.username
        } catch where error.code == .unknownMember {
            return nil
        } catch {
            throw PortFailure(discord: error, sending: "the name of <@\(discordId)>")
        }
    }
}
