/// A command's `type`: slash command (1), user context menu (2), message context menu (3).
public struct ApplicationCommandType: RawRepresentable, Sendable, Hashable, Codable {
    public let rawValue: Int

    public init(rawValue: Int) {
        self.rawValue = rawValue
    }

    public static let chatInput = ApplicationCommandType(rawValue: 1)
    public static let user = ApplicationCommandType(rawValue: 2)
    public static let message = ApplicationCommandType(rawValue: 3)
}
