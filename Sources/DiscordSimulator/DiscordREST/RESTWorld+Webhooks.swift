import Clocks
import Foundation
import SimulatorSupport

/// The interaction's webhook: follow-ups and the original response (docs/DISCORD.md#interactions). The token works for 15 minutes from the dispatch, then answers 401 50027.
extension RESTWorld {
    /// The interaction behind a webhook path, or Discord's answer when there is none.
    private func webhookInteraction(_ match: RouteMatch, now: Date) -> Result<InteractionState, WebhookRefusal> {
        guard match["application_id"] == configuration.applicationID else { return .failure(WebhookRefusal(.error(404, .unknownWebhook))) }
        guard let id = interactionIDsByToken[match["interaction_token"]], let state = interactions[id] else {
            return .failure(WebhookRefusal(.error(401, .invalidWebhookToken)))
        }
        if deadlineNow.timeIntervalSince(state.createdAt) > configuration.interactionTokenLifetime.timeInterval {
            return .failure(WebhookRefusal(.error(401, .invalidWebhookToken)))
        }
        return .success(state)
    }

    struct WebhookRefusal: Error {
        let response: SimulatedResponse
        init(_ response: SimulatedResponse) { self.response = response }
    }

    mutating func createFollowUp(_ match: RouteMatch, body: SimulatorJSON?, now: Date) -> SimulatedResponse {
        var state: InteractionState
        switch webhookInteraction(match, now: now) {
        case .failure(let refusal): return refusal.response
        case .success(let found): state = found
        }
        // Before the callback the interaction has no webhook message to follow up on.
        guard state.isAcknowledged else { return .error(404, .unknownWebhook) }
        let body = body ?? [:]
        var errors = FormErrors()
        MessageLimits.validate(body, into: &errors)
        if !errors.isEmpty { return .invalidForm(errors) }
        if MessageLimits.isEmpty(body) { return .error(400, .cannotSendEmptyMessage) }

        let message: SimulatorJSON
        if state.isOriginalLoading, let original = state.original {
            // Directly after a type-5 defer, the first follow-up completes the "thinking" message.
            var completed = Self.edited(original, with: body, now: now).objectValue ?? [:]
            let flags = (original["flags"]?.intValue ?? 0) & ~MessageFlag.loading
            completed["flags"] = .integer(Int64(flags))
            completed["edited_timestamp"] = .null
            message = .object(completed)
            state.original = message
            state.isOriginalLoading = false
        } else {
            message = makeMessage(from: body, channelID: state.channelID ?? "0", webhookID: state.applicationID, now: now)
            let id = message["id"]?.stringValue ?? ""
            state.followUpIDs.append(id)
            state.followUps[id] = message
        }
        state.responses.append(InteractionResponseRecord(kind: .followUp, body: body, at: now))
        interactions[state.id] = state
        return .json(200, message)
    }

    mutating func originalResponse(_ match: RouteMatch, body: SimulatorJSON?, now: Date) -> SimulatedResponse {
        var state: InteractionState
        switch webhookInteraction(match, now: now) {
        case .failure(let refusal): return refusal.response
        case .success(let found): state = found
        }
        guard let original = state.original else { return .error(404, .unknownMessage) }
        switch match.route {
        case .editOriginalResponse:
            let body = body ?? [:]
            var errors = FormErrors()
            MessageLimits.validate(body, into: &errors)
            if !errors.isEmpty { return .invalidForm(errors) }
            var edited = Self.edited(original, with: body, now: now)
            if state.isOriginalLoading, var fields = edited.objectValue {
                fields["flags"] = .integer(Int64((original["flags"]?.intValue ?? 0) & ~MessageFlag.loading))
                edited = .object(fields)
                state.isOriginalLoading = false
            }
            state.original = edited
            state.responses.append(InteractionResponseRecord(kind: .editOriginal, body: body, at: now))
            interactions[state.id] = state
            return .json(200, edited)
        case .deleteOriginalResponse:
            state.original = nil
            state.isOriginalLoading = false
            state.responses.append(InteractionResponseRecord(kind: .deleteOriginal, body: nil, at: now))
            interactions[state.id] = state
            return .noContent
        default:
            return .json(200, original)
        }
    }

    mutating func followUpMessage(_ match: RouteMatch, body: SimulatorJSON?, now: Date) -> SimulatedResponse {
        var state: InteractionState
        switch webhookInteraction(match, now: now) {
        case .failure(let refusal): return refusal.response
        case .success(let found): state = found
        }
        let id = match["message_id"]
        guard let message = state.followUps[id] else { return .error(404, .unknownMessage) }
        switch match.route {
        case .editFollowUpMessage:
            let body = body ?? [:]
            var errors = FormErrors()
            MessageLimits.validate(body, into: &errors)
            if !errors.isEmpty { return .invalidForm(errors) }
            let edited = Self.edited(message, with: body, now: now)
            state.followUps[id] = edited
            state.responses.append(InteractionResponseRecord(kind: .editFollowUp(messageID: id), body: body, at: now))
            interactions[state.id] = state
            return .json(200, edited)
        case .deleteFollowUpMessage:
            state.followUps[id] = nil
            state.followUpIDs.removeAll { $0 == id }
            state.responses.append(InteractionResponseRecord(kind: .deleteFollowUp(messageID: id), body: nil, at: now))
            interactions[state.id] = state
            return .noContent
        default:
            return .json(200, message)
        }
    }
}
