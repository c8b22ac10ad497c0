import Foundation
import SimulatorSupport

/// The objects Discord answers with (SPEC `UserResponse`, `MessageResponse`, `PrivateChannelResponse`),
/// with the fields a client reads and Discord's defaults for the rest.
extension RESTWorld {
    var botUser: SimulatorJSON {
        [
            "id": .string(configuration.botUserID), "username": .string(configuration.botUsername),
            "discriminator": "0", "global_name": nil, "avatar": nil, "bot": true, "verified": true, "flags": 0,
            "public_flags": 0, "primary_guild": nil,
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
            "global_name": nil, "avatar": nil, "public_flags": 0, "flags": 0, "primary_guild": nil,
        ]
    }

    /// A message as Discord returns it: the sent fields, the bot as author, empty mention lists.
    /// A field sent as `null` is stored as Discord shows it, empty. `webhookID` marks messages sent
    /// through an interaction's webhook.
    mutating func makeMessage(from body: SimulatorJSON, channelID: String, type: Int = 0, webhookID: String? = nil, now: Date) -> SimulatorJSON {
        var message: [String: SimulatorJSON] = [
            "id": .string(snowflakes.next(at: now)),
            "channel_id": .string(channelID),
            "type": .integer(Int64(type)),
            "content": Self.present(body["content"]) ?? "",
            "embeds": Self.storedEmbeds(body["embeds"]),
            "components": Self.present(body["components"]) ?? [],
            "attachments": [],
            "author": botUser,
            "timestamp": .string(DiscordTimestamp.string(now)),
            "edited_timestamp": nil,
            "flags": Self.present(body["flags"]) ?? 0,
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

    /// Applies an edit as Discord does: a field absent from the body stays as it was, `null` clears
    /// it (content to "", lists to []), and `edited_timestamp` is set. `allowed_mentions` only
    /// steers the edit's pings and is not part of the message, and a `null` for `flags` changes
    /// nothing.
    static func edited(_ message: SimulatorJSON, with body: SimulatorJSON, now: Date) -> SimulatorJSON {
        var fields = message.objectValue ?? [:]
        // Keys, not `body[key] != nil`: `nil` would be read as JSON null, the very value to catch.
        let sent = Set((body.objectValue ?? [:]).keys)
        if sent.contains("content") { fields["content"] = present(body["content"]) ?? "" }
        if sent.contains("embeds") { fields["embeds"] = storedEmbeds(body["embeds"]) }
        for key in ["components", "attachments"] where sent.contains(key) {
            fields[key] = present(body[key]) ?? []
        }
        if let flags = body["flags"], !flags.isNull { fields["flags"] = flags }
        fields["edited_timestamp"] = .string(DiscordTimestamp.string(now))
        return .object(fields)
    }

    /// `value` unless it is absent or `null`.
    static func present(_ value: SimulatorJSON?) -> SimulatorJSON? {
        guard let value, !value.isNull else { return .none }
        return value
    }

    /// Embeds as Discord keeps them: an embed a bot sends is a "rich" one, and `type` is filled in
    /// when the body left it out; `null` or no embeds is an empty list.
    static func storedEmbeds(_ embeds: SimulatorJSON?) -> SimulatorJSON {
        guard let list = embeds?.arrayValue else { return [] }
        return .array(list.map { embed in
            guard var fields = embed.objectValue, !fields.keys.contains("type") else { return embed }
            fields["type"] = "rich"
            return .object(fields)
        })
    }
}
