/// An option's `type` in a command definition and in a received command (docs "Application Command
/// Option Type"). 1 and 2 structure the tree; 3–11 are leaf values.
public struct CommandOptionType: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    public let rawValue: Int

    public init(rawValue: Int) {
        self.rawValue = rawValue
    }

    public static let subcommand = CommandOptionType(rawValue: 1)
    /// Holds only subcommands: the tree is at most group → subcommand → leaf options.
    public static let subcommandGroup = CommandOptionType(rawValue: 2)
    public static let string = CommandOptionType(rawValue: 3)
    /// Any integer between -2^53 and 2^53.
    public static let integer = CommandOptionType(rawValue: 4)
    public static let boolean = CommandOptionType(rawValue: 5)
    public static let user = CommandOptionType(rawValue: 6)
    /// All channel types and categories.
    public static let channel = CommandOptionType(rawValue: 7)
    public static let role = CommandOptionType(rawValue: 8)
    /// Users and roles.
    public static let mentionable = CommandOptionType(rawValue: 9)
    /// A double between -2^53 and 2^53.
    public static let number = CommandOptionType(rawValue: 10)
    public static let attachment = CommandOptionType(rawValue: 11)

    public var description: String { String(rawValue) }
}
