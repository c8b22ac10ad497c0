import Clocks
import Foundation
import SimulatorSupport

/// `POST /interactions/{id}/{token}/callback` (docs/DISCORD.md#interactions).
extension RESTWorld {
    /// The documented callback types: PONG, message, deferred message, deferred update, update,
    /// autocomplete result, modal, launch activity.
    static let callbackTypes: Set<Int> = [1, 4, 5, 6, 7, 8, 9, 12]

    mutating func registerInteraction(id: String, token: String, type: SimulatedInteractionType, applicationID: String,
                                      channelID: String?, message: SimulatorJSON?, now: Date) {
        interactions[id] = InteractionState(id: id, token: token, type: type, applicationID: applicationID,
                                            channelID: channelID, createdAt: now, componentMessage: message)
        interactionIDsByToken[token] = id
    }

    mutating func createInteractionResponse(_ match: RouteMatch, body: SimulatorJSON?, query: [String: String], now: Date) -> SimulatedResponse {
        guard var state = interactions[match["interaction_id"]], state.token == match["interaction_token"] else {
            return .error(404, .unknownInteraction)
        }
        let age = deadlineNow.timeIntervalSince(state.createdAt)
        if age > configuration.interactionTokenLifetime.timeInterval { return .error(404, .unknownInteraction) }
        if state.isAcknowledged { return .error(400, .alreadyAcknowledged) }
        // Discord invalidates the token for callbacks once the 3 s have passed unanswered.
        if age > configuration.callbackDeadline.timeInterval { return .error(404, .unknownInteraction) }

        var errors = FormErrors()
        guard let body, let type = body["type"]?.intValue else {
            errors.required(["type"])
            return .invalidForm(errors)
        }
        guard Self.callbackTypes.contains(type) else {
            errors.add(["type"], code: "BASE_TYPE_CHOICES", message: "Value must be one of {1, 4, 5, 6, 7, 8, 9, 12}.")
            return .invalidForm(errors)
        }
        guard state.type.acceptsCallback(type) else {
            errors.add(["type"], code: "INTERACTION_RESPONSE_TYPE_INVALID",
                       message: "Interaction response type \(type) is not valid for interaction type \(state.type.rawValue).")
            return .invalidForm(errors)
        }
        let data = body["data"] ?? .null
        Self.validateCallbackData(type: type, data: data, into: &errors)
        if !errors.isEmpty { return .invalidForm(errors) }
        if type == 4, MessageLimits.isEmpty(data) { return .error(400, .cannotSendEmptyMessage) }

        state.callbackType = type
        let channelID = state.channelID ?? "0"
        let messageType = state.type == .applicationCommand ? 20 : 0
        switch type {
        case 4:
            state.original = makeMessage(from: data, channelID: channelID, type: messageType, webhookID: state.applicationID, now: now)
        case 5:
            let flags = MessageFlag.loading | ((data["flags"]?.intValue ?? 0) & MessageFlag.ephemeral)
            state.original = makeMessage(from: ["flags": .integer(Int64(flags))], channelID: channelID, type: messageType,
                                         webhookID: state.applicationID, now: now)
            state.isOriginalLoading = true
        case 6, 7:
            let carrier = state.componentMessage ?? makeMessage(from: ["content": ""], channelID: channelID, now: now)
            state.original = type == 7 ? Self.edited(carrier, with: data, now: now) : carrier
        default:
            break
        }
        state.responses.append(InteractionResponseRecord(kind: .callback(type: type), body: body, at: now))
        interactions[state.id] = state
        // Discord reads boolean query strings as Python's truthiness does: True, true or 1.
        guard ["true", "True", "1"].contains(query["with_response"] ?? "") else { return .noContent }
        return .json(200, callbackResponse(for: state, type: type))
    }

    /// Per-type shape rules: message data for 4/7 (under `data`), modal 9, autocomplete 8.
    static func validateCallbackData(type: Int, data: SimulatorJSON, into errors: inout FormErrors) {
        switch type {
        case 4, 7:
            if !data.isNull { MessageLimits.validate(data, at: ["data"], into: &errors) }
        case 8:
            if let choices = data["choices"]?.arrayValue, choices.count > 25 { errors.tooLong(["data", "choices"], limit: 25) }
        case 9:
            // Modal: custom_id 1–100, title 1–45, 1–5 top-level components (docs/DISCORD.md#interactions).
            if let customID = data["custom_id"]?.stringValue {
                if !(1...100).contains(customID.unicodeScalars.count) { errors.badLength(["data", "custom_id"], range: 1...100) }
            } else {
                errors.required(["data", "custom_id"])
            }
            if let title = data["title"]?.stringValue {
                if !(1...45).contains(title.unicodeScalars.count) { errors.badLength(["data", "title"], range: 1...45) }
            } else {
                errors.required(["data", "title"])
            }
            if let components = data["components"]?.arrayValue {
                if !(1...5).contains(components.count) { errors.badLength(["data", "components"], range: 1...5) }
            } else {
                errors.required(["data", "components"])
            }
        default:
            break
        }
    }

    /// The `InteractionCallbackResponse` of `?with_response=true`.
    private func callbackResponse(for state: InteractionState, type: Int) -> SimulatorJSON {
        let flags = state.original?["flags"]?.intValue ?? 0
        var resource: [String: SimulatorJSON] = ["type": .integer(Int64(type))]
        if [4, 5, 7].contains(type), let original = state.original { resource["message"] = original }
        return [
            "interaction": [
                "id": .string(state.id),
                "type": .integer(Int64(state.type.rawValue)),
                "response_message_id": state.original?["id"] ?? .null,
                "response_message_loading": .bool(state.isOriginalLoading),
                "response_message_ephemeral": .bool(flags & MessageFlag.ephemeral != 0),
            ],
            "resource": .object(resource),
        ]
    }
}
