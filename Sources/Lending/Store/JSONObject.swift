import Foundation

/// The JSONB columns (`detail`, `input`) hold flat objects of strings, written and read here so
/// that every table encodes them the same way: keys sorted, so equal objects are equal text.
enum JSONObject {
    static func encode(_ object: [String: String]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // A [String: String] always encodes; the fallback only satisfies the type checker.
        guard let data = try? encoder.encode(object), let text = String(data: data, encoding: .utf8) else { return "{}" }
        return text
    }

    /// Decodes an object of strings; values of other JSON types are dropped.
    static func decode(_ text: String) -> [String: String] {
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else { return [:] }
        return object.compactMapValues { $0 as? String }
    }
}
