public import SimulatorSupport
/// One node of an application command's option tree (docs/DISCORD.md#interactions): a group holds
/// subcommands, a subcommand holds leaves, a leaf holds a value; `value` and `options` never mix.
public indirect enum SimulatedCommandOption: Sendable, Equatable {
    case subcommandGroup(String, [SimulatedCommandOption])
    case subcommand(String, [SimulatedCommandOption])
    /// A leaf of option type `type` (3 string, 4 integer, 5 boolean, 6 user, 7 channel, 8 role,
    /// 9 mentionable, 10 number, 11 attachment). `focused` marks the option being typed in an
    /// autocomplete interaction.
    case value(String, type: Int, SimulatorJSON, focused: Bool)

    public static func string(_ name: String, _ value: String, focused: Bool = false) -> Self {
        .value(name, type: 3, .string(value), focused: focused)
    }

    public static func integer(_ name: String, _ value: Int, focused: Bool = false) -> Self {
        .value(name, type: 4, .integer(Int64(value)), focused: focused)
    }

    public static func boolean(_ name: String, _ value: Bool) -> Self {
        .value(name, type: 5, .bool(value), focused: false)
    }

    public static func number(_ name: String, _ value: Double, focused: Bool = false) -> Self {
        .value(name, type: 10, .double(value), focused: focused)
    }

    /// A user option; its id is a snowflake string, as Discord sends entity options.
    public static func user(_ name: String, id: String) -> Self {
        .value(name, type: 6, .string(id), focused: false)
    }

    var json: SimulatorJSON {
        switch self {
        case .subcommandGroup(let name, let options):
            ["name": .string(name), "type": 2, "options": .array(options.map(\.json))]
        case .subcommand(let name, let options):
            ["name": .string(name), "type": 1, "options": .array(options.map(\.json))]
        case .value(let name, let type, let value, let focused):
            focused ? ["name": .string(name), "type": .integer(Int64(type)), "value": value, "focused": true]
                : ["name": .string(name), "type": .integer(Int64(type)), "value": value]
        }
    }

    var focusedCount: Int {
        switch self {
        case .subcommandGroup(_, let options), .subcommand(_, let options): options.reduce(0) { $0 + $1.focusedCount }
        case .value(_, _, _, let focused): focused ? 1 : 0
        }
    }
}
