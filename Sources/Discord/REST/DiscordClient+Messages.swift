extension DiscordClient {
    /// Opens (or finds) the direct-message channel with `user`.
    public func createDM(with user: UserID) async throws(DiscordError) -> Channel {
        let route = Route.createDM
        let response = try await send(route, body: encodeWithoutLimits(CreateDMChannel(recipientID: user), for: route))
        return try decode(Channel.self, from: response, route: route)
    }

    @discardableResult
    public func createMessage(in channel: ChannelID, _ message: MessageCreate) async throws(DiscordError) -> Message {
        let route = Route.createMessage(channel)
        return try decode(Message.self, from: await send(route, body: encode(message, for: route)), route: route)
    }

    /// A direct message: the DM channel, then the message. A user who blocks DMs gives 403 with
    /// code 50007, which callers report instead of retrying.
    @discardableResult
    public func sendDirectMessage(to user: UserID, _ message: MessageCreate) async throws(DiscordError) -> Message {
        let channel = try await createDM(with: user)
        return try await createMessage(in: channel.id, message)
    }
}
