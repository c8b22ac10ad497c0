import SimulatorSupport
/// One top-level component of a modal submission, sent in the Label shape the docs now require
/// (docs/DISCORD.md#interactions): `{type: 18, id, component: {...}}`.
public enum SimulatedModalField: Sendable, Equatable {
    /// A Text Input (type 4) inside a Label.
    case textInput(customID: String, value: String)
    /// A String Select (type 3) inside a Label.
    case stringSelect(customID: String, values: [String])
    /// A User Select (type 5) inside a Label, with the chosen user ids; the users are listed
    /// in the submission's `resolved.users` (see `SimulatedResolvedUser`).
    case userSelect(customID: String, users: [SimulatedResolvedUser])
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
        case .userSelect(let customID, let users):
            ["type": 18, "id": .integer(Int64(id)),
             "component": ["type": 5, "id": .integer(Int64(id + 1)), "custom_id": .string(customID),
                           "values": .array(users.map { SimulatorJSON.string($0.id) })]]
        case .textDisplay(let content):
            ["type": 10, "id": .integer(Int64(id)), "content": .string(content)]
        }
    }
}

/// A user picked in a modal's user select, as Discord resolves it in `data.resolved.users`.
public struct SimulatedResolvedUser: Sendable, Equatable {
    public var id: String
    public var username: String
    public var isBot: Bool

    public init(id: String, username: String, isBot: Bool = false) {
        self.id = id
        self.username = username
        self.isBot = isBot
    }

    var json: SimulatorJSON {
        ["id": .string(id), "username": .string(username), "discriminator": "0", "global_name": .string(username),
         "avatar": nil, "bot": .bool(isBot), "public_flags": 0]
    }
}
