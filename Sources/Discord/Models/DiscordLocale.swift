/// A Discord locale code (`ja`, `en-US`), as sent in `locale`/`guild_locale` and used as the key of
/// localization maps. An open set: codes Discord adds later decode as they are.
public struct DiscordLocale: RawRepresentable, Sendable, Hashable, Codable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public init(stringLiteral value: String) {
        self.rawValue = value
    }

    public static let japanese = DiscordLocale(rawValue: "ja")
    /// Discord falls back between `en-US` and `en-GB`, so one English entry covers both.
    public static let englishUS = DiscordLocale(rawValue: "en-US")
    public static let englishGB = DiscordLocale(rawValue: "en-GB")

    public var description: String { rawValue }
}

extension DiscordLocale: CodingKeyRepresentable {
    public var codingKey: any CodingKey { LocaleCodingKey(stringValue: rawValue) }

    public init?<T: CodingKey>(codingKey: T) {
        self.init(rawValue: codingKey.stringValue)
    }
}

private struct LocaleCodingKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
