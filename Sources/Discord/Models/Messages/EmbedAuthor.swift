/// The line above an embed's title.
public struct EmbedAuthor: Sendable, Hashable, Codable {
    public var name: String
    public var url: String?
    public var iconURL: String?

    public init(name: String, url: String? = nil, iconURL: String? = nil) {
        self.name = name
        self.url = url
        self.iconURL = iconURL
    }

    enum CodingKeys: String, CodingKey {
        case name, url
        case iconURL = "icon_url"
    }
}
