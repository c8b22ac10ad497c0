/// An interaction's `type` (docs `interactions/receiving-and-responding.mdx`). Open, so an
/// interaction type Discord adds later decodes with `data == .other`.
public struct InteractionType: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    public let rawValue: Int

    public init(rawValue: Int) {
        self.rawValue = rawValue
    }

    /// Sent only to HTTP-endpoint bots, never over the gateway; answered with a PONG callback.
    public static let ping = InteractionType(rawValue: 1)
    public static let applicationCommand = InteractionType(rawValue: 2)
    public static let messageComponent = InteractionType(rawValue: 3)
    public static let applicationCommandAutocomplete = InteractionType(rawValue: 4)
    public static let modalSubmit = InteractionType(rawValue: 5)

    public var description: String { String(rawValue) }
}
