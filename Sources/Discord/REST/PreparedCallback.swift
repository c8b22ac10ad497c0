import Foundation
public import Secrets

/// An interaction callback checked against Discord's limits and encoded, the one way every
/// callback is: `respond(to:token:with:)` prepares each, and an answer that is the same every time
/// it is given (a form that only changes with the language) is prepared once, so answering with it
/// costs neither the checks nor the JSON encoding again. The form a member opens is half of all
/// interactions, and encoding it was a large share of the bot's CPU per interaction.
public struct PreparedCallback: Sendable {
    public let callback: InteractionCallback
    let body: Data

    public init(_ callback: InteractionCallback) throws(DiscordError) {
        let route = "POST /interactions/{interaction_id}/{interaction_token}/callback"
        do {
            try callback.validate(at: "")
        } catch {
            throw DiscordError(.invalidPayload(error), route: route)
        }
        do {
            body = try callback.textReplyJSON ?? JSONEncoder().encode(callback)
        } catch {
            throw DiscordError(.invalidResponse, route: route)
        }
        self.callback = callback
    }
}

extension DiscordClient {
    /// Answers an interaction with a callback prepared once (`PreparedCallback`); the same request
    /// as `respond(to:token:with:)` with that callback.
    public func respond(to interaction: InteractionID, token: Secret, with prepared: PreparedCallback,
                        maxWait: Duration = .milliseconds(2500)) async throws(DiscordError) {
        _ = try await send(.createInteractionResponse(interaction, token: token), body: prepared.body, maxWait: maxWait)
    }
}
