import Foundation
public import SimulatorSupport

/// Builders for INTERACTION_CREATE payloads of each type a bot receives over the gateway (2, 3, 4,
/// 5; PING never arrives there). Each call gets a fresh snowflake id and token. Send the result with
/// `dispatchInteraction(_:)`.
extension DiscordGatewaySimulator {
    /// A slash command; `options` may nest a subcommand group and a subcommand.
    /// `resolvedUsers` are the users of the user options, which Discord sends in `resolved.users`.
    public func makeCommandInteraction(name: String, options: [SimulatedCommandOption] = [], resolvedUsers: [SimulatedResolvedUser] = [],
                                       as invoker: SimulatedInvoker? = nil) -> SimulatedInteraction {
        makeInteraction(type: .applicationCommand, invoker: invoker) { commandID in
            var data: [String: SimulatorJSON] = ["id": .string(commandID), "name": .string(name), "type": 1,
                                                 "guild_id": .string(configuration.interactionGuildID)]
            if !options.isEmpty { data["options"] = .array(options.map(\.json)) }
            if !resolvedUsers.isEmpty {
                data["resolved"] = ["users": .object(Dictionary(resolvedUsers.map { ($0.id, $0.json) }, uniquingKeysWith: { first, _ in first }))]
            }
            return ["data": .object(data)]
        }
    }

    /// Autocomplete for a command option: the same `data` as a command, with exactly one option
    /// marked `focused` (Discord always sends one).
    public func makeAutocompleteInteraction(name: String, options: [SimulatedCommandOption], as invoker: SimulatedInvoker? = nil) -> SimulatedInteraction {
        precondition(options.reduce(0) { $0 + $1.focusedCount } == 1, "an autocomplete interaction has exactly one focused option")
        return makeInteraction(type: .autocomplete, invoker: invoker) { commandID in
            ["data": ["id": .string(commandID), "name": .string(name), "type": 1, "guild_id": .string(configuration.interactionGuildID),
                      "options": .array(options.map(\.json))]]
        }
    }

    /// A click on a button (`componentType` 2) or a choice in a select (3, 5–8, with `values`), on a
    /// message of the bot's that carries the component: `message` when given (a message the bot
    /// really sent, as the REST simulator holds it, so that an update callback edits that message),
    /// otherwise a stand-in message with just that component.
    public func makeComponentInteraction(customID: String, componentType: Int = 2, values: [String]? = nil, message: SimulatorJSON? = nil,
                                         as invoker: SimulatedInvoker? = nil) -> SimulatedInteraction {
        makeInteraction(type: .messageComponent, invoker: invoker) { messageID in
            var data: [String: SimulatorJSON] = ["custom_id": .string(customID), "component_type": .integer(Int64(componentType))]
            if let values { data["values"] = .array(values.map(SimulatorJSON.string)) }
            if let message { return ["data": .object(data), "message": message] }
            let component: SimulatorJSON = componentType == 2
                ? ["type": 2, "id": 2, "style": 1, "label": "Go", "custom_id": .string(customID)]
                : ["type": .integer(Int64(componentType)), "id": 2, "custom_id": .string(customID), "options": []]
            let message: SimulatorJSON = [
                "id": .string(messageID), "channel_id": .string(configuration.interactionChannelID), "type": 0, "content": "",
                "author": ["id": .string(configuration.botUserID), "username": .string(configuration.botUsername), "bot": true,
                           "discriminator": "0", "global_name": nil, "avatar": nil],
                "timestamp": "2026-01-01T00:00:00.000000+00:00", "edited_timestamp": nil, "flags": 0, "embeds": [], "attachments": [],
                "mentions": [], "mention_roles": [], "pinned": false, "mention_everyone": false, "tts": false,
                "components": [["type": 1, "id": 1, "components": [component]]],
            ]
            return ["data": .object(data), "message": message]
        }
    }

    /// A submitted modal whose inputs are Labels (type 18) around their components.
    public func makeModalSubmitInteraction(customID: String, fields: [SimulatedModalField], as invoker: SimulatedInvoker? = nil) -> SimulatedInteraction {
        makeInteraction(type: .modalSubmit, invoker: invoker) { _ in
            var data: [String: SimulatorJSON] = ["custom_id": .string(customID),
                                                 "components": .array(fields.enumerated().map { $1.json(id: 1 + 2 * $0) })]
            var users: [String: SimulatorJSON] = [:]
            for case .userSelect(_, let picked) in fields {
                for user in picked { users[user.id] = user.json }
            }
            if !users.isEmpty { data["resolved"] = ["users": .object(users)] }
            return ["data": .object(data)]
        }
    }

    /// The fields every guild interaction carries, plus what `specific` adds; `specific` gets a
    /// second fresh snowflake (the command id, or the component's message id).
    private func makeInteraction(type: SimulatedInteractionType, invoker: SimulatedInvoker?,
                                 _ specific: (String) -> [String: SimulatorJSON]) -> SimulatedInteraction {
        let invoker = invoker ?? SimulatedInvoker(userID: configuration.interactionUserID, username: configuration.interactionUsername,
                                                  locale: configuration.interactionLocale)
        let (id, secondID) = withWorld { world in
            (world.snowflakes.next(at: Date()), world.snowflakes.next(at: Date()))
        }
        let token = Self.makeInteractionToken()
        let user: SimulatorJSON = [
            "id": .string(invoker.userID), "username": .string(invoker.username),
            "discriminator": "0", "global_name": .string(invoker.username), "avatar": nil, "public_flags": 0, "flags": 0,
        ]
        let guildID = invoker.guildID ?? configuration.interactionGuildID
        var payload: [String: SimulatorJSON] = [
            "id": .string(id), "application_id": .string(configuration.applicationID), "type": .integer(Int64(type.rawValue)),
            "token": .string(token), "version": 1,
            "guild_id": .string(guildID),
            "guild": ["id": .string(guildID), "locale": .string(invoker.guildLocale), "features": []],
            "guild_locale": .string(invoker.guildLocale),
            "channel_id": .string(configuration.interactionChannelID),
            "channel": ["id": .string(configuration.interactionChannelID), "type": 0, "name": "lending",
                        "guild_id": .string(guildID), "flags": 0, "permissions": "2251799813685247"],
            "member": ["user": user, "roles": .array(invoker.roleIDs.map(SimulatorJSON.string)), "nick": nil, "avatar": nil, "joined_at": "2025-06-01T00:00:00.000000+00:00",
                       "deaf": false, "mute": false, "flags": 0, "pending": false, "permissions": .string(invoker.permissions),
                       "premium_since": nil, "communication_disabled_until": nil],
            "locale": .string(invoker.locale),
            "app_permissions": "2251799813685247",
            "entitlements": [], "authorizing_integration_owners": ["0": .string(guildID)],
            "context": 0, "attachment_size_limit": 10_485_760,
        ]
        payload.merge(specific(secondID)) { _, new in new }
        var channelID = configuration.interactionChannelID
        if invoker.inDirectMessage {
            // A DM with the bot: no guild and no member; the user is top-level, the channel is the
            // bot's DM channel with them (type 1), the app is authorised by no guild (context 1,
            // BOT_DM). Guild-only commands never arrive there, so only a click or a modal does.
            precondition(type == .messageComponent || type == .modalSubmit, "only components and modals come from a DM with a guild-only bot")
            channelID = rest?.dmChannelID(for: invoker.userID) ?? channelID
            for key in ["guild_id", "guild", "guild_locale", "member"] { payload.removeValue(forKey: key) }
            payload["user"] = user
            payload["context"] = 1
            payload["authorizing_integration_owners"] = ["0": "0"]
            payload["channel_id"] = .string(channelID)
            payload["channel"] = ["id": .string(channelID), "type": 1, "flags": 0, "recipients": .array([user])]
            if case .object(var message)? = payload["message"] {
                message["channel_id"] = .string(channelID)
                payload["message"] = .object(message)
            }
        }
        return SimulatedInteraction(id: id, token: token, type: type, channelID: channelID, payload: .object(payload))
    }

    /// Interaction tokens are long opaque strings; these are random so that no two interactions share
    /// one. Public for a load generator that builds an interaction's bytes itself.
    /// The 64 characters are drawn 6 bits at a time from 8 random words (10 per word): one draw of
    /// the system generator per character made a system call each, 80 per interaction.
    public static func makeInteractionToken() -> String {
        var generator = SystemRandomNumberGenerator()
        var characters: [UInt8] = []
        characters.reserveCapacity(80)
        for _ in 0..<8 {
            var word = generator.next()
            for _ in 0..<10 {
                characters.append(tokenAlphabet[Int(word & 63)])
                word >>= 6
            }
        }
        return "aW50ZXJhY3Rpb24" + String(decoding: characters, as: UTF8.self)
    }

    private static let tokenAlphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-".utf8)
}
