/// A message's `flags` bitset (docs `resources/message.mdx`, "Message Flags"). Sent as a JSON number.
public struct MessageFlags: OptionSet, Sendable, Hashable, Codable {
    public let rawValue: Int

    public init(rawValue: Int) {
        self.rawValue = rawValue
    }

    /// Hide link previews.
    public static let suppressEmbeds = MessageFlags(rawValue: 1 << 2)
    /// Only the invoking user sees the message (interaction responses and follow-ups only); for a
    /// deferred response it must be set when deferring, because it cannot change later.
    public static let ephemeral = MessageFlags(rawValue: 1 << 6)
    /// Deliver without a push or desktop notification.
    public static let suppressNotifications = MessageFlags(rawValue: 1 << 12)
    /// Layout components only: no `content` or `embeds` allowed with it.
    public static let isComponentsV2 = MessageFlags(rawValue: 1 << 15)
}
