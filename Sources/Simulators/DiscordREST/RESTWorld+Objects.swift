import Foundation

/// The objects Discord answers with (SPEC `UserResponse`, `MessageResponse`, `PrivateChannelResponse`),
/// with the fields a client reads and Discord's defaults for the rest.
extension RESTWorld {
    var botUser: SimulatorJSON {
        [
            "id": .string(configuration.botUserID), "username": .string(configuration.botUsername),
            "discriminator": "0", "global_name": nil, "avatar": nil, "bot": true, "verified": true, "flags": 0,
        ]
    }

    /// `GET /oauth2/applications/@me` (SPEC `PrivateApplicationResponse`): the bot's application,
    /// owned by the first configured user (or by the bot itself when none is configured), no team.
    var botApplication: SimulatorJSON {
        let owner = configuration.users.first.flatMap { user($0.id) } ?? botUser
        return [
            "id": .string(configuration.applicationID), "name": .string(configuration.botUsername), "icon": nil, "description": "",
            "type": nil, "bot": botUser, "bot_public": true, "bot_require_code_grant": false,
            "verify_key": "0000000000000000000000000000000000000000000000000000000000000000", "flags": 0, "flags_new": "0",
            "redirect_uris": [], "interactions_endpoint_url": nil, "role_connections_verification_url": nil, "owner": owner,
            "approximate_guild_count": 1, "approximate_user_install_count": 0, "approximate_user_authorization_count": 0,
            "explicit_content_filter": 0, "team": nil, "eligible_oauth2_scopes": ["bot", "applications.commands"],
        ]
    }

    func user(_ id: String) -> SimulatorJSON? {
        guard let user = configuration.users.first(where: { $0.id == id }) else { return nil }
        return [
            "id": .string(user.id), "username": .string(user.username), "discriminator": "0",
            "global_name": nil, "avatar": nil, "public_flags": 0,
        ]
    }

    /// A message as Discord returns it: the sent fields, the bot as author, empty mention lists.
    /// `webhookID` marks messages sent through an interaction's webhook.
    mutating func makeMessage(from body: SimulatorJSON, channelID: String, type: Int = 0, webhookID: String? = nil, now: Date) -> SimulatorJSON {
        var message: [String: SimulatorJSON] = [
            "id": .string(snowflakes.next(at: now)),
            "channel_id": .string(channelID),
            "type": .integer(Int64(type)),
            "content": body["content"] ?? "",
            "embeds": body["embeds"] ?? [],
            "components": body["components"] ?? [],
            "attachments": [],
            "author": botUser,
            "timestamp": .string(DiscordTimestamp.string(now)),
            "edited_timestamp": nil,
            "flags": body["flags"] ?? 0,
            "tts": body["tts"] ?? false,
            "mention_everyone": false,
            "mentions": [],
            "mention_roles": [],
            "pinned": false,
        ]
        if let webhookID {
            message["webhook_id"] = .string(webhookID)
            message["application_id"] = .string(configuration.applicationID)
        }
        if let poll = body["poll"] { message["poll"] = poll }
        return .object(message)
    }

    /// Applies an edit: only the fields present change, and `edited_timestamp` is set.
    static func edited(_ message: SimulatorJSON, with body: SimulatorJSON, now: Date) -> SimulatorJSON {
        var fields = message.objectValue ?? [:]
        for key in ["content", "embeds", "components", "flags", "allowed_mentions", "attachments"] {
            if let value = body[key] { fields[key] = value }
        }
        fields["edited_timestamp"] = .string(DiscordTimestamp.string(now))
        return .object(fields)
    }
}
