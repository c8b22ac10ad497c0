/// Where a command can be used and where an interaction happened (`contexts`, `context`); replaces
/// the deprecated `dm_permission`.
public struct InteractionContextType: RawRepresentable, Sendable, Hashable, Codable {
    public let rawValue: Int

    public init(rawValue: Int) {
        self.rawValue = rawValue
    }

    public static let guild = InteractionContextType(rawValue: 0)
    public static let botDM = InteractionContextType(rawValue: 1)
    public static let privateChannel = InteractionContextType(rawValue: 2)
}
