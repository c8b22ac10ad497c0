import Foundation

/// Members and their roles in the one simulated guild (reference (c) "Roles, DMs, gateway URL").
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

    /// `GET /guilds/{g}/members/{u}` (SPEC `GuildMemberResponse`).
    func getMember(_ match: RouteMatch) -> SimulatedResponse {
        guard match["guild_id"] == configuration.guildID else { return .error(404, .unknownGuild) }
        let userID = match["user_id"]
        guard let roles = memberRoles[userID], let user = user(userID) else { return .error(404, .unknownMember) }
        return .json(200, [
            "user": user, "nick": nil, "avatar": nil, "banner": nil,
            "roles": .array(roles.sorted().map(SimulatorJSON.string)),
            "joined_at": "2025-01-01T00:00:00.000000+00:00", "premium_since": nil,
            "deaf": false, "mute": false, "flags": 0, "pending": false,
        ])
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
