/// A text input's `style`: one line (1) or a multi-line paragraph (2).
public struct TextInputStyle: RawRepresentable, Sendable, Hashable, Codable {
    public let rawValue: Int

    public init(rawValue: Int) {
        self.rawValue = rawValue
    }

    public static let short = TextInputStyle(rawValue: 1)
    public static let paragraph = TextInputStyle(rawValue: 2)
}
