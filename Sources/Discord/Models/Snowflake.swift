public import Foundation

/// A Discord ID, typed by what it identifies so that a role ID cannot be passed where a user ID is
/// expected, as twilight's `Id<Marker>` does.
///
/// Discord sends snowflakes as JSON strings because they exceed the 2^53 range that JavaScript
/// numbers hold exactly; decoding therefore accepts only a string of decimal digits that fits in 64
/// bits, and encoding writes a string again.
public struct Snowflake<Kind>: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let rawValue: UInt64

    public init(_ rawValue: UInt64) {
        self.rawValue = rawValue
    }

    /// Parses the wire form. Nil for anything but 1–20 ASCII digits that fit in a `UInt64`.
    public init?(_ text: String) {
        guard !text.isEmpty, text.utf8.count <= 20, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
              let value = UInt64(text) else { return nil }
        self.rawValue = value
    }

    public var description: String { String(rawValue) }

    /// Discord's epoch (2015-01-01T00:00:00Z) in milliseconds since 1970; the top 42 bits of a
    /// snowflake count milliseconds from it.
    public static var discordEpochMilliseconds: UInt64 { 1_420_070_400_000 }

    /// When the entity was created, read from the snowflake's timestamp bits.
    public var createdAt: Date {
        Date(timeIntervalSince1970: Double((rawValue >> 22) + Self.discordEpochMilliseconds) / 1000)
    }

    /// The same number as an ID of another kind, for the places where Discord leaves the kind open
    /// (a mentionable option, a command's target).
    public func converted<Other>(to _: Other.Type = Other.self) -> Snowflake<Other> {
        Snowflake<Other>(rawValue)
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

extension Snowflake: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        guard let text = try? container.decode(String.self) else {
            throw DecodingError.typeMismatch(String.self, .init(
                codingPath: decoder.codingPath,
                debugDescription: "a snowflake must be a JSON string of decimal digits"))
        }
        guard let value = Snowflake(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "a snowflake must be a string of decimal digits that fits in 64 bits, got \"\(text.prefix(32))\"")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// Lets `[UserID: User]` and friends decode from and encode to JSON objects keyed by ID strings, as
/// `resolved` maps arrive, instead of the flat arrays JSONEncoder uses for non-String keys.
extension Snowflake: CodingKeyRepresentable {
    public var codingKey: any CodingKey { SnowflakeCodingKey(stringValue: description) }

    public init?<T: CodingKey>(codingKey: T) {
        self.init(codingKey.stringValue)
    }
}

extension Snowflake: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: UInt64) {
        self.init(value)
    }
}

private struct SnowflakeCodingKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
