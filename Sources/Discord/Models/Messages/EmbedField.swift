/// A name/value pair in an embed; up to three inline fields share a row.
public struct EmbedField: Sendable, Hashable, Codable {
    public var name: String
    public var value: String
    public var isInline: Bool?

    public init(name: String, value: String, isInline: Bool? = nil) {
        self.name = name
        self.value = value
        self.isInline = isInline
    }

    enum CodingKeys: String, CodingKey {
        case name, value
        case isInline = "inline"
    }
}
