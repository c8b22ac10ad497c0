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
