/// One choice in a string select.
public struct SelectOption: Sendable, Hashable, Codable {
    public var label: String
    public var value: String
    public var description: String?
    public var emoji: Emoji?
    public var isDefault: Bool?

    public init(label: String, value: String, description: String? = nil, emoji: Emoji? = nil, isDefault: Bool? = nil) {
        self.label = label
        self.value = value
        self.description = description
        self.emoji = emoji
        self.isDefault = isDefault
    }

    enum CodingKeys: String, CodingKey {
        case label, value, description, emoji
        case isDefault = "default"
    }
}
