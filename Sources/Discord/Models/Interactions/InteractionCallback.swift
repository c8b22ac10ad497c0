/// The body of `POST /interactions/{id}/{token}/callback`: the one initial answer to an interaction,
/// due within 3 seconds of receiving it.
///
/// Whenever the work may take longer than about 2 seconds, answer with a deferral (5 or 6) first and
/// complete it by editing `@original`.
public enum InteractionCallback: Sendable, Hashable {
    /// 1: answers a PING (HTTP-endpoint bots only).
    case pong
    /// 4: replies with a message.
    case channelMessage(MessageCreate)
    /// 5: shows "thinking…"; the only flag allowed is `.ephemeral`, and it is fixed from here on.
    case deferredChannelMessage(flags: MessageFlags?)
    /// 6: component interactions only; acknowledges without changing the message yet.
    case deferredUpdateMessage
    /// 7: component interactions only; edits the message that carries the component.
    case updateMessage(MessageEdit)
    /// 8: the only valid answer to autocomplete; at most 25 choices.
    case autocompleteResult([CommandOptionChoice])
    /// 9: opens a modal; not allowed in reply to a modal submit.
    case modal(Modal)

    public var type: InteractionCallbackType {
        switch self {
        case .pong: .pong
        case .channelMessage: .channelMessageWithSource
        case .deferredChannelMessage: .deferredChannelMessageWithSource
        case .deferredUpdateMessage: .deferredUpdateMessage
        case .updateMessage: .updateMessage
        case .autocompleteResult: .applicationCommandAutocompleteResult
        case .modal: .modal
        }
    }
}

extension InteractionCallback: Codable {
    private enum CodingKeys: String, CodingKey {
        case type, data
    }

    private struct FlagsOnly: Codable {
        var flags: MessageFlags?
    }

    private struct Choices: Codable {
        var choices: [CommandOptionChoice]
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let type = try container.decode(InteractionCallbackType.self, forKey: .type)
        switch type {
        case .pong: self = .pong
        case .channelMessageWithSource: self = .channelMessage(try container.decode(MessageCreate.self, forKey: .data))
        case .deferredChannelMessageWithSource:
            self = .deferredChannelMessage(flags: try container.decodeIfPresent(FlagsOnly.self, forKey: .data)?.flags)
        case .deferredUpdateMessage: self = .deferredUpdateMessage
        case .updateMessage: self = .updateMessage(try container.decode(MessageEdit.self, forKey: .data))
        case .applicationCommandAutocompleteResult:
            self = .autocompleteResult(try container.decode(Choices.self, forKey: .data).choices)
        case .modal: self = .modal(try container.decode(Modal.self, forKey: .data))
        default:
            throw DecodingError.dataCorruptedError(forKey: .type, in: container, debugDescription: "unsupported interaction callback type \(type)")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(type, forKey: .type)
        switch self {
        case .pong, .deferredUpdateMessage: break
        case .channelMessage(let message): try container.encode(message, forKey: .data)
        case .deferredChannelMessage(let flags):
            if let flags { try container.encode(FlagsOnly(flags: flags), forKey: .data) }
        case .updateMessage(let edit): try container.encode(edit, forKey: .data)
        case .autocompleteResult(let choices): try container.encode(Choices(choices: choices), forKey: .data)
        case .modal(let modal): try container.encode(modal, forKey: .data)
        }
    }
}
