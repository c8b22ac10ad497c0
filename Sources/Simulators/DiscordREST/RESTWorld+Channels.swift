import Foundation

/// DM channels and channel messages (reference (c) "Roles, DMs, gateway URL", "Messages").
extension RESTWorld {
    /// `POST /users/@me/channels`: the same channel for the same user every time. Opening a DM to a
    /// user who blocks DMs succeeds; only sending fails, as on Discord.
    mutating func createDM(body: SimulatorJSON?, now: Date) -> SimulatedResponse {
        guard let recipientID = body?["recipient_id"]?.stringValue else {
            var errors = FormErrors()
            errors.required(["recipient_id"])
            return .invalidForm(errors)
        }
        guard let recipient = user(recipientID) else { return .error(400, .invalidRecipients) }
        let channelID: String
        if let existing = dmChannelsByUser[recipientID] {
            channelID = existing
        } else {
            channelID = snowflakes.next(at: now)
            dmChannelsByUser[recipientID] = channelID
            dmRecipientsByChannel[channelID] = recipientID
        }
        return .json(200, [
            "id": .string(channelID), "type": 1, "flags": 0,
            "last_message_id": channelMessages[channelID]?.last?["id"] ?? .null,
            "recipients": [recipient],
        ])
    }

    /// `POST /channels/{channel_id}/messages`: the channel must exist, the body must be within
    /// Discord's limits, and only then are permissions and DM settings consulted.
    mutating func createMessage(_ match: RouteMatch, body: SimulatorJSON?, now: Date) -> SimulatedResponse {
        let channelID = match["channel_id"]
        let recipientID = dmRecipientsByChannel[channelID]
        let channel = configuration.channels.first { $0.id == channelID }
        guard recipientID != nil || channel != nil else { return .error(404, .unknownChannel) }
        let body = body ?? [:]
        var errors = FormErrors()
        MessageLimits.validate(body, into: &errors)
        if !errors.isEmpty { return .invalidForm(errors) }
        if MessageLimits.isEmpty(body) { return .error(400, .cannotSendEmptyMessage) }
        if let recipientID, configuration.users.first(where: { $0.id == recipientID })?.blocksDMs == true {
            return .error(403, .cannotSendToUser)
        }
        if let channel, !channel.isWritable { return .error(403, .missingPermissions) }
        let message = makeMessage(from: body, channelID: channelID, now: now)
        channelMessages[channelID, default: []].append(message)
        return .json(200, message)
    }
}
