/// A message or modal component, as the bot sends it and as it reads it back from a message.
///
/// Decoding switches on `type`; a type this enum does not model becomes `.unknown(type)` so that a
/// message with new component kinds still decodes. Encoding writes `type` from the case, so the
/// payload structs never carry it themselves.
public indirect enum Component: Sendable, Hashable {
    case actionRow(ActionRow)
    case button(Button)
    case stringSelect(StringSelect)
    /// User, role, mentionable or channel select; the kind decides the wire type (5–8).
    case entitySelect(EntitySelect)
    case textInput(TextInput)
    case label(Label)
    case textDisplay(TextDisplay)
    case unknown(ComponentType)

    public var type: ComponentType {
        switch self {
        case .actionRow: .actionRow
        case .button: .button
        case .stringSelect: .stringSelect
        case .entitySelect(let select): select.kind.componentType
        case .textInput: .textInput
        case .label: .label
        case .textDisplay: .textDisplay
        case .unknown(let type): type
        }
    }
}

extension Component: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        let type = try container.decode(ComponentType.self, forKey: AnyCodingKey(stringValue: "type"))
        switch type {
        case .actionRow: self = .actionRow(try ActionRow(from: decoder))
        case .button: self = .button(try Button(from: decoder))
        case .stringSelect: self = .stringSelect(try StringSelect(from: decoder))
        case .textInput: self = .textInput(try TextInput(from: decoder))
        case .label: self = .label(try Label(from: decoder))
        case .textDisplay: self = .textDisplay(try TextDisplay(from: decoder))
        default:
            if let kind = EntitySelect.Kind(componentType: type) {
                var select = try EntitySelect(from: decoder)
                select.kind = kind
                self = .entitySelect(select)
            } else {
                self = .unknown(type)
            }
        }
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .actionRow(let row): try row.encode(to: encoder)
        case .button(let button): try button.encode(to: encoder)
        case .stringSelect(let select): try select.encode(to: encoder)
        case .entitySelect(let select): try select.encode(to: encoder)
        case .textInput(let input): try input.encode(to: encoder)
        case .label(let label): try label.encode(to: encoder)
        case .textDisplay(let display): try display.encode(to: encoder)
        case .unknown: break
        }
        // A second keyed container at the same level shares the object the payload just wrote.
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        try container.encode(type, forKey: AnyCodingKey(stringValue: "type"))
    }
}
