import Foundation
import SimulatorSupport

/// DM channels and channel messages (docs/DISCORD.md#messages).
extension RESTWorld {
    /// How long Discord remembers an enforced nonce: "the past few minutes"; five here.
    static let nonceWindow: TimeInterval = 300

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
        if let channel, !channel.isViewable { return .error(403, .missingAccess) }
        if let channel, !channel.isWritable { return .error(403, .missingPermissions) }
        // `enforce_nonce`: a nonce the same author (the bot) used within the last few minutes, in
        // any channel, returns the message it created instead of a new one
        // (docs/DISCORD.md#messages).
        let nonceKey = body["enforce_nonce"]?.boolValue == true ? body["nonce"].flatMap { $0.stringValue ?? $0.intValue.map(String.init) } : nil
        if let nonceKey, let earlier = messagesByNonce[nonceKey], now.timeIntervalSince(earlier.at) < Self.nonceWindow {
            return .json(200, earlier.message)
        }
        let message = makeMessage(from: body, channelID: channelID, now: now)
        channelMessages[channelID, default: []].append(message)
        if let nonceKey {
            // Older nonces can no longer repeat anything: forgetting them keeps a long run's memory flat.
            messagesByNonce = messagesByNonce.filter { now.timeIntervalSince($0.value.at) < Self.nonceWindow }
            messagesByNonce[nonceKey] = (message, now)
        }
        return .json(200, message)
    }
}
