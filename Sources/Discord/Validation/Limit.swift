/// One of Discord's documented limits: a name for messages and a number. The constants are in
/// `Limit+Discord.swift`, beside the validators that use them.
public struct Limit: Sendable, Hashable, CustomStringConvertible {
    public let name: String
    public let value: Int

    /// `embed title (256)`
    public var description: String { "\(name) (\(value))" }
}
