public import SimulatorSupport
import Synchronization

/// What the simulator saw and what state it holds: the reading half of "act, then inspect".
extension DiscordRESTSimulator {
    /// Every request, in arrival order, with the status it got.
    public var requests: [RecordedRequest] {
        world.withLock { $0.requests }
    }

    public func requests(to route: SimulatedRoute) -> [RecordedRequest] {
        world.withLock { $0.requests.filter { $0.route == route } }
    }

    /// The messages of a channel (guild channel or DM) as they stand now, oldest first: those the
    /// bot created through `POST /channels/{channel_id}/messages`, with its edits applied, and those
    /// `postMessage(from:in:content:)` placed for other users.
    public func sentMessages(in channelID: String) -> [SimulatorJSON] {
        world.withLock { $0.channelMessages[channelID] ?? [] }
    }

    /// One message of a channel as it stands now (after any edit); `nil` when it is not there.
    public func message(_ messageID: String, in channelID: String) -> SimulatorJSON? {
        world.withLock { $0.channelMessages[channelID]?.first { $0["id"]?.stringValue == messageID } }
    }

    /// Callback, follow-ups, edits and deletes the bot made for an interaction, in order.
    public func interactionResponses(for interactionID: String) -> [InteractionResponseRecord] {
        world.withLock { $0.interactions[interactionID]?.responses ?? [] }
    }

    /// The interaction's original response message as it stands now (`nil` before a callback or after a delete).
    public func originalResponse(for interactionID: String) -> SimulatorJSON? {
        world.withLock { $0.interactions[interactionID]?.original }
    }

    /// Follow-up messages still present, oldest first.
    public func followUps(for interactionID: String) -> [SimulatorJSON] {
        world.withLock { world in
            guard let state = world.interactions[interactionID] else { return [] }
            return state.followUpIDs.compactMap { state.followUps[$0] }
        }
    }

    /// The roles a member of the configured guild holds now.
    public func roles(of userID: String) -> Set<String> {
        world.withLock { $0.memberRoles[userID] ?? [] }
    }

    /// The DM channel opened for a user, if the bot opened one.
    public func dmChannelID(for userID: String) -> String? {
        world.withLock { $0.dmChannelsByUser[userID] }
    }

    /// The guild's commands as the last bulk overwrite left them.
    public var commands: [SimulatorJSON] {
        world.withLock { $0.commands }
    }

    /// New (type, name) pairs registered so far: what counts toward Discord's 200 creates per day.
    public var commandCreateCount: Int {
        world.withLock { $0.commandCreates.count }
    }

    /// Responses that count toward Discord's invalid-request limit: 401, 403 and 429 other than
    /// scope "shared" (docs/DISCORD.md#invalid-requests).
    public var invalidRequestCount: Int {
        world.withLock { $0.invalidRequests.values.reduce(0, +) }
    }

    /// `invalidRequestCount` split by status.
    public var invalidRequestCounts: [Int: Int] {
        world.withLock { $0.invalidRequests }
    }
}
