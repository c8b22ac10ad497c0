import Foundation

/// Encoding and decoding as the bot does it: plain Foundation coders, no key strategies, so the
/// models' own coding keys are what is tested.
enum JSON {
    static func encode(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }

    static func string(_ value: some Encodable) throws -> String {
        String(decoding: try encode(value), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, from text: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(text.utf8))
    }

    /// The value as a Foundation object tree, for asserting on keys that must be absent.
    static func object(_ value: some Encodable) throws -> Any {
        try JSONSerialization.jsonObject(with: encode(value))
    }

    static func roundTrip<T: Codable>(_ value: T) throws -> T {
        try JSONDecoder().decode(T.self, from: encode(value))
    }
}
