/// A button in an action row.
public struct Button: Sendable, Hashable, Codable {
    public var id: Int?
    public var style: ButtonStyle
    public var label: String?
    public var customID: String?
    public var url: String?
    public var emoji: Emoji?
    public var isDisabled: Bool?

    public init(id: Int? = nil, style: ButtonStyle, label: String? = nil, customID: String? = nil, url: String? = nil,
                emoji: Emoji? = nil, isDisabled: Bool? = nil) {
        self.id = id
        self.style = style
        self.label = label
        self.customID = customID
        self.url = url
        self.emoji = emoji
        self.isDisabled = isDisabled
    }

    enum CodingKeys: String, CodingKey {
        case id, style, label, url, emoji
        case customID = "custom_id"
        case isDisabled = "disabled"
    }
}
