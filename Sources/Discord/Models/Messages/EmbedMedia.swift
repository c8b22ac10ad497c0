/// An embed image or thumbnail: the bot sends only the URL; Discord adds sizes in responses.
public struct EmbedMedia: Sendable, Hashable, Codable {
    public var url: String

    public init(url: String) {
        self.url = url
    }
}
