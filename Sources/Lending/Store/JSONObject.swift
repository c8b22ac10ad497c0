import Foundation
import JSONText

/// The JSONB columns (`detail`, `input`) hold flat objects of strings, written and read here so
/// that every table encodes them the same way: keys sorted, so equal objects are equal text.
package enum JSONObject {
    /// The object as JSON text, keys sorted. Written by hand rather than with `JSONEncoder`: a filing
    /// writes two of these (its audit details and its panel users) and the encoder's machinery was
    /// about 40,000 instructions of each filing for a few dozen bytes.
    package static func encode(_ object: [String: String]) -> String {
        var bytes: [UInt8] = [UInt8(ascii: "{")]
        for (index, entry) in object.sorted(by: { $0.key < $1.key }).enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            JSONText.appendString(entry.key, to: &bytes)
            bytes.append(UInt8(ascii: ":"))
            JSONText.appendString(entry.value, to: &bytes)
        }
        bytes.append(UInt8(ascii: "}"))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The strings as a JSON array, in order.
    package static func encode(_ strings: [String]) -> String {
        var bytes: [UInt8] = [UInt8(ascii: "[")]
        for (index, string) in strings.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            JSONText.appendString(string, to: &bytes)
        }
        bytes.append(UInt8(ascii: "]"))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Decodes an object of strings; values of other JSON types are dropped.
    package static func decode(_ text: String) -> [String: String] {
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else { return [:] }
        return object.compactMapValues { $0 as? String }
    }
}
