/// The small text line at the bottom of an embed.
public struct EmbedFooter: Sendable, Hashable, Codable {
    public var text: String
    public var iconURL: String?

    public init(text: String, iconURL: String? = nil) {
        self.text = text
        self.iconURL = iconURL
    }

    enum CodingKeys: String, CodingKey {
        case text
        case iconURL = "icon_url"
    }
}
