import Foundation
import SimulatorSupport

/// Editing a channel message (`PATCH /channels/{channel_id}/messages/{message_id}`), and the
/// messages other people post, which exist so that an edit of someone else's message can be refused.
extension RESTWorld {
    /// Fields only the author may change (Discord's "Edit Message": anyone else may change `flags`
    /// alone, and only with MANAGE_MESSAGES).
    static let authorOnlyEditFields = ["content", "embeds", "components", "attachments", "allowed_mentions", "sticker_ids"]

    /// In order: the channel must exist, the body must be within the limits a new message meets
    /// (checked before permissions, as for a new message), the bot must see the channel, the
    /// message must be in it, and only its author may change what it says. Only VIEW_CHANNEL is
    /// checked: Discord's "Edit Message" names no permission for editing one's own message. The
    /// edit must leave something to show (50006, as for a new message).
    mutating func editMessage(_ match: RouteMatch, body: SimulatorJSON?, now: Date) -> SimulatedResponse {
        let channelID = match["channel_id"]
        let channel = configuration.channels.first { $0.id == channelID }
        guard channel != nil || dmRecipientsByChannel[channelID] != nil else { return .error(404, .unknownChannel) }
        let body = body ?? [:]
        let index = channelMessages[channelID]?.firstIndex { $0["id"]?.stringValue == match["message_id"] }
        let stored = index.flatMap { channelMessages[channelID]?[$0] }
        var errors = FormErrors()
        MessageLimits.validate(Self.withStoredFlags(body, of: stored), into: &errors)
        if !errors.isEmpty { return .invalidForm(errors) }
        if let channel, !channel.isViewable { return .error(403, .missingAccess) }
        guard let index, let stored else { return .error(404, .unknownMessage) }
        if stored["author"]?["id"]?.stringValue != configuration.botUserID {
            let sent = (body.objectValue ?? [:]).keys
            let changesWhatItSays = Self.authorOnlyEditFields.contains { sent.contains($0) }
            // The simulated bot never holds MANAGE_MESSAGES, so a flags-only edit is refused too.
            return changesWhatItSays ? .error(403, .cannotEditAnotherUsersMessage) : .error(403, .missingPermissions)
        }
        let edited = Self.edited(stored, with: body, now: now)
        if MessageLimits.isEmpty(edited) { return .error(400, .cannotSendEmptyMessage) }
        channelMessages[channelID]?[index] = edited
        return .json(200, edited)
    }

    /// The body as its limits apply: a message switched to components v2 stays so, so an edit that
    /// does not repeat `flags` is counted against the v2 limits too.
    private static func withStoredFlags(_ body: SimulatorJSON, of stored: SimulatorJSON?) -> SimulatorJSON {
        guard case .object(var fields) = body, (fields["flags"] ?? .null).isNull, let flags = stored?["flags"] else { return body }
        fields["flags"] = flags
        return .object(fields)
    }

    /// A message `userID` wrote in `channelID`, as Discord's client would post it; returns its id.
    mutating func postMessage(from userID: String, in channelID: String, content: String, now: Date) -> String {
        var message = makeMessage(from: ["content": .string(content)], channelID: channelID, now: now).objectValue ?? [:]
        message["author"] = user(userID) ?? [
            "id": .string(userID), "username": .string(userID), "discriminator": "0", "global_name": nil, "avatar": nil,
            "public_flags": 0, "flags": 0, "primary_guild": nil,
        ]
        channelMessages[channelID, default: []].append(.object(message))
        return message["id"]?.stringValue ?? ""
    }
}
