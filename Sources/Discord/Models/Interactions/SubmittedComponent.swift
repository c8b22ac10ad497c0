/// A component as a modal submit (`data.components`) reports it: the user's input, not the layout.
///
/// Both shapes Discord sends are accepted: the legacy Action Row holding Text Inputs, and the Label
/// (type 18) wrapping one child (text input, select, file upload, radio group, checkbox group,
/// checkbox). A type not modelled here becomes `.unknown(type)` instead of failing the interaction.
public indirect enum SubmittedComponent: Sendable, Hashable {
    case actionRow(id: Int?, components: [SubmittedComponent])
    case label(id: Int?, component: SubmittedComponent)
    case textInput(id: Int?, customID: String, value: String)
    /// String (3), user (5), role (6), mentionable (7) and channel (8) selects, file uploads (19) and
    /// checkbox groups (22): each reports a list of values (option values, snowflakes, attachment IDs).
    case values(type: ComponentType, id: Int?, customID: String, values: [String])
    case radioGroup(id: Int?, customID: String, value: String?)
    case checkbox(id: Int?, customID: String, isChecked: Bool)
    case textDisplay(id: Int?)
    case unknown(ComponentType)

    public var type: ComponentType {
        switch self {
        case .actionRow: .actionRow
        case .label: .label
        case .textInput: .textInput
        case .values(let type, _, _, _): type
        case .radioGroup: .radioGroup
        case .checkbox: .checkbox
        case .textDisplay: .textDisplay
        case .unknown(let type): type
        }
    }

    /// The input's `custom_id`; nil for layout components.
    public var customID: String? {
        switch self {
        case .textInput(_, let customID, _), .values(_, _, let customID, _), .radioGroup(_, let customID, _),
             .checkbox(_, let customID, _):
            customID
        case .actionRow, .label, .textDisplay, .unknown:
            nil
        }
    }

    /// The first answer `match` gives for this component or one inside it, depth first. A search
    /// rather than a flattened copy: reading a form looks up each of its fields, and copying every
    /// component for each lookup was 5 % of the bot's instructions per filing.
    func firstMatch<Found>(_ match: (SubmittedComponent) -> Found?) -> Found? {
        if let found = match(self) { return found }
        switch self {
        case .actionRow(_, let components):
            for component in components {
                if let found = component.firstMatch(match) { return found }
            }
            return nil
        case .label(_, let component): return component.firstMatch(match)
        default: return nil
        }
    }
}

extension SubmittedComponent: Codable {
    private enum CodingKeys: String, CodingKey {
        case type, id, components, component, value, values
        case customID = "custom_id"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let type = try container.decode(ComponentType.self, forKey: .type)
        let id = try container.decodeIfPresent(Int.self, forKey: .id)
        switch type {
        case .actionRow:
            self = .actionRow(id: id, components: try container.decodeIfPresent([SubmittedComponent].self, forKey: .components) ?? [])
        case .label:
            self = .label(id: id, component: try container.decode(SubmittedComponent.self, forKey: .component))
        case .textInput:
            self = .textInput(id: id, customID: try container.decode(String.self, forKey: .customID),
                              value: try container.decodeIfPresent(String.self, forKey: .value) ?? "")
        case .stringSelect, .userSelect, .roleSelect, .mentionableSelect, .channelSelect, .fileUpload, .checkboxGroup:
            self = .values(type: type, id: id, customID: try container.decode(String.self, forKey: .customID),
                           values: try container.decodeIfPresent([String].self, forKey: .values) ?? [])
        case .radioGroup:
            self = .radioGroup(id: id, customID: try container.decode(String.self, forKey: .customID),
                               value: try container.decodeIfPresent(String.self, forKey: .value))
        case .checkbox:
            self = .checkbox(id: id, customID: try container.decode(String.self, forKey: .customID),
                             isChecked: try container.decodeIfPresent(Bool.self, forKey: .value) ?? false)
        case .textDisplay:
            self = .textDisplay(id: id)
        default:
            self = .unknown(type)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(type, forKey: .type)
        switch self {
        case .actionRow(let id, let components):
            try container.encodeIfPresent(id, forKey: .id)
            try container.encode(components, forKey: .components)
        case .label(let id, let component):
            try container.encodeIfPresent(id, forKey: .id)
            try container.encode(component, forKey: .component)
        case .textInput(let id, let customID, let value):
            try container.encodeIfPresent(id, forKey: .id)
            try container.encode(customID, forKey: .customID)
            try container.encode(value, forKey: .value)
        case .values(_, let id, let customID, let values):
            try container.encodeIfPresent(id, forKey: .id)
            try container.encode(customID, forKey: .customID)
            try container.encode(values, forKey: .values)
        case .radioGroup(let id, let customID, let value):
            try container.encodeIfPresent(id, forKey: .id)
            try container.encode(customID, forKey: .customID)
            try container.encodeIfPresent(value, forKey: .value)
        case .checkbox(let id, let customID, let isChecked):
            try container.encodeIfPresent(id, forKey: .id)
            try container.encode(customID, forKey: .customID)
            try container.encode(isChecked, forKey: .value)
        case .textDisplay(let id):
            try container.encodeIfPresent(id, forKey: .id)
        case .unknown:
            break
        }
    }
}
