public import Secrets

extension DiscordClient {
    /// Answers an interaction (callback types 1, 4–9). The first answer must arrive within 3 seconds
    /// of the interaction, so rate-limit waits are capped at `maxWait` (default: 2.5 s) rather than
    /// taken in full after the deadline.
    public func respond(to interaction: InteractionID, token: Secret, with callback: InteractionCallback, maxWait: Duration = .milliseconds(2500)) async throws(DiscordError) {
        try await respond(to: interaction, token: token, with: PreparedCallback(callback), maxWait: maxWait)
    }

    /// Completes or changes the original response (`@original`), e.g. after a deferral. Valid for
    /// 15 minutes after the interaction; afterwards Discord answers 401 with code 50027.
    @discardableResult
    public func editOriginalResponse(application: ApplicationID, token: Secret, with edit: MessageEdit) async throws(DiscordError) -> Message {
        let route = Route.editOriginalResponse(application, token: token)
        return try decode(Message.self, from: await send(route, body: encode(edit, for: route)), route: route)
    }

    public func deleteOriginalResponse(application: ApplicationID, token: Secret) async throws(DiscordError) {
        _ = try await send(.deleteOriginalResponse(application, token: token))
    }

    /// Sends a follow-up message to an interaction (`flags: 64` makes it ephemeral).
    @discardableResult
    public func createFollowup(application: ApplicationID, token: Secret, message: MessageCreate) async throws(DiscordError) -> Message {
        let route = Route.createFollowupMessage(application, token: token)
        return try decode(Message.self, from: await send(route, body: encode(message, for: route)), route: route)
    }
}
