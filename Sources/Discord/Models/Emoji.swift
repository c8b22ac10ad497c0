/// A partial emoji on a button or select option: a custom emoji by `id`, or a Unicode one by `name`.
public struct Emoji: Sendable, Hashable, Codable {
    public var id: EmojiID?
    public var name: String?
    public var isAnimated: Bool?

    /// A standard emoji such as "✅".
    public static func unicode(_ character: String) -> Emoji { Emoji(name: character) }

    enum CodingKeys: String, CodingKey {
        case id, name
        case isAnimated = "animated"
    }
}
