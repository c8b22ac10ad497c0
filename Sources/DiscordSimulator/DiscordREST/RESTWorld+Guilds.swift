import Clocks
import Foundation
import SimulatorSupport

/// Members and their roles in the one simulated guild.
extension RESTWorld {
    /// `PUT`/`DELETE /guilds/{g}/members/{u}/roles/{r}`: 204 on success, also when nothing changes
    /// (Discord's role PUT is idempotent). Needs MANAGE_ROLES and a role below the bot's highest.
    mutating func changeMemberRole(_ match: RouteMatch) -> SimulatedResponse {
        guard match["guild_id"] == configuration.guildID else { return .error(404, .unknownGuild) }
        let userID = match["user_id"]
        guard var roles = memberRoles[userID] else { return .error(404, .unknownMember) }
        guard let role = configuration.roles.first(where: { $0.id == match["role_id"] }) else { return .error(404, .unknownRole) }
        guard configuration.botCanManageRoles, role.isManageable else { return .error(403, .missingPermissions) }
        if match.route == .addMemberRole { roles.insert(role.id) } else { roles.remove(role.id) }
        memberRoles[userID] = roles
        return .noContent
    }

    /// `GET /guilds/{g}/members/{u}` (SPEC `GuildMemberResponse`). The bot is a member too, with
    /// its managed role.
    func getMember(_ match: RouteMatch) -> SimulatedResponse {
        guard match["guild_id"] == configuration.guildID else { return .error(404, .unknownGuild) }
        let userID = match["user_id"]
        let member: (user: SimulatorJSON, roles: Set<String>)
        if userID == configuration.botUserID {
            member = (botUser, [configuration.botRoleID])
        } else if let roles = memberRoles[userID], let user = user(userID) {
            member = (user, roles)
        } else {
            return .error(404, .unknownMember)
        }
        return .json(200, [
            "user": member.user, "nick": nil, "avatar": nil, "banner": nil,
            "roles": .array(member.roles.sorted().map(SimulatorJSON.string)),
            "joined_at": "2025-01-01T00:00:00.000000+00:00", "premium_since": nil,
            "deaf": false, "mute": false, "flags": 0, "pending": false,
        ])
    }

    /// `GET /guilds/{g}` (SPEC `GuildWithCountsResponse`): the one guild, with every required field.
    func getGuild(_ match: RouteMatch) -> SimulatedResponse {
        guard match["guild_id"] == configuration.guildID else { return .error(404, .unknownGuild) }
        return .json(200, [
            "id": .string(configuration.guildID), "name": .string(configuration.guildName), "icon": nil, "description": nil, "home_header": nil, "splash": nil,
            "discovery_splash": nil, "features": [], "banner": nil, "owner_id": .string(configuration.users.first?.id ?? configuration.botUserID),
            "application_id": nil, "region": "deprecated", "afk_channel_id": nil, "afk_timeout": 300, "system_channel_id": nil,
            "system_channel_flags": 0, "widget_enabled": false, "widget_channel_id": nil, "verification_level": 0, "roles": .array(guildRoles),
            "default_message_notifications": 0, "mfa_level": 0, "explicit_content_filter": 0, "max_presences": nil,
            "max_members": 500_000, "max_stage_video_channel_users": 50, "max_video_channel_users": 25, "vanity_url_code": nil,
            "premium_tier": 0, "premium_subscription_count": 0, "preferred_locale": .string(configuration.guildPreferredLocale),
            "rules_channel_id": nil, "safety_alerts_channel_id": nil, "public_updates_channel_id": nil,
            "premium_progress_bar_enabled": false, "nsfw": false, "nsfw_level": 0, "emojis": [], "stickers": [], "incidents_data": nil,
        ])
    }

    /// `GET /guilds/{g}/roles` (SPEC `GuildRoleResponse` list).
    func getGuildRoles(_ match: RouteMatch) -> SimulatedResponse {
        guard match["guild_id"] == configuration.guildID else { return .error(404, .unknownGuild) }
        return .json(200, .array(guildRoles))
    }

    /// `GET /gateway/bot` (SPEC `GatewayBotResponse`; `reset_after` in milliseconds).
    var gatewayBot: SimulatedResponse {
        let limit = configuration.sessionStartLimit
        return .json(200, [
            "url": .string(configuration.gatewayURL),
            "shards": 1,
            "session_start_limit": [
                "total": .integer(Int64(limit.total)),
                "remaining": .integer(Int64(limit.remaining)),
                "reset_after": .integer(Int64(limit.resetAfter.timeInterval * 1000)),
                "max_concurrency": .integer(Int64(limit.maxConcurrency)),
            ],
        ])
    }
}
