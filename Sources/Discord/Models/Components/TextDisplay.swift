/// Static markdown text in a modal or a components-v2 message (type 10).
public struct TextDisplay: Sendable, Hashable, Codable {
    public var id: Int?
    public var content: String

    public init(id: Int? = nil, content: String) {
        self.id = id
        self.content = content
    }
}
