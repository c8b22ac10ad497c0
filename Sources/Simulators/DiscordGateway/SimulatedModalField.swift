/// One top-level component of a modal submission, sent in the Label shape the docs now require
/// (reference (c), type 5): `{type: 18, id, component: {...}}`.
public enum SimulatedModalField: Sendable, Equatable {
    /// A Text Input (type 4) inside a Label.
    case textInput(customID: String, value: String)
    /// A String Select (type 3) inside a Label.
    case stringSelect(customID: String, values: [String])
    /// A Text Display (type 10), which carries no input.
    case textDisplay(String)

    func json(id: Int) -> SimulatorJSON {
        switch self {
        case .textInput(let customID, let value):
            ["type": 18, "id": .integer(Int64(id)),
             "component": ["type": 4, "id": .integer(Int64(id + 1)), "custom_id": .string(customID), "value": .string(value)]]
        case .stringSelect(let customID, let values):
            ["type": 18, "id": .integer(Int64(id)),
             "component": ["type": 3, "id": .integer(Int64(id + 1)), "custom_id": .string(customID), "values": .array(values.map(SimulatorJSON.string))]]
        case .textDisplay(let content):
            ["type": 10, "id": .integer(Int64(id)), "content": .string(content)]
        }
    }
}
