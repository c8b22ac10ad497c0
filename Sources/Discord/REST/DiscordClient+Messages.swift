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

    /// Changes a message the bot posted, e.g. a request's notice as its approval moves on, and
    /// returns it as it now stands. Fields left nil in `edit` stay as they are; an empty string or
    /// array clears them (`components: []` removes the buttons).
    ///
    /// Only the author may change content, embeds or components: another's message answers 403 with
    /// code 50005, a deleted one 404 with 10008, a channel the bot can no longer see 403 with 50001.
    /// An edit is safe to repeat, so a 5xx or a timeout is retried like a read.
    @discardableResult
    public func editMessage(in channel: ChannelID, id: MessageID, _ edit: MessageEdit) async throws(DiscordError) -> Message {
        let route = Route.editMessage(channel, id)
        return try decode(Message.self, from: await send(route, body: encode(edit, for: route)), route: route)
    }

    /// A direct message: the DM channel, then the message. A user who blocks DMs gives 403 with
    /// code 50007, which callers report instead of retrying.
    @discardableResult
    public func sendDirectMessage(to user: UserID, _ message: MessageCreate) async throws(DiscordError) -> Message {
        let channel = try await createDM(with: user)
        return try await createMessage(in: channel.id, message)
    }
}
