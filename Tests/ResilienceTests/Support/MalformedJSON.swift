import Foundation
import SimulatorSupport

/// Seeded malformed variants of a valid JSON object that no decoder may accept: every variant
/// breaks the object itself or one of the `required` keys its decoder cannot do without.
struct MalformedJSON {
    var random: SeededRandom

    /// Variants that are still JSON (for payloads a simulator sends as JSON).
    mutating func jsonVariant(of valid: SimulatorJSON, required: [String]) -> SimulatorJSON {
        guard case .object(var object) = valid, let key = required.randomElement(using: &random) else { return .null }
        switch Int.random(in: 0..<3, using: &random) {
        case 0:
            object[key] = Self.wrongTypes.randomElement(using: &random) ?? .null
            return .object(object)
        case 1:
            object.removeValue(forKey: key)
            return .object(object)
        default:
            return [SimulatorJSON.array([valid]), .string("INTERACTION_CREATE"), .integer(42), .null, .bool(true)].randomElement(using: &random) ?? .null
        }
    }

    /// Any malformed bytes: JSON variants, and text that is not JSON at all.
    mutating func byteVariant(of valid: SimulatorJSON, required: [String]) -> Data {
        let encoded = valid.encoded()
        switch Int.random(in: 0..<6, using: &random) {
        case 0:
            return jsonVariant(of: valid, required: required).encoded()
        case 1:
            return Data((0..<Int.random(in: 0...256, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) })
        case 2:
            return encoded.prefix(Int.random(in: 0..<max(encoded.count, 1), using: &random))
        case 3:
            let depth = Int.random(in: 600...5_000, using: &random)
            return Data((String(repeating: "[", count: depth) + String(repeating: "]", count: depth)).utf8)
        case 4:
            let huge = ["1e99999", "-99999999999999999999999999999999", "0x1F", "NaN", "'x'"].randomElement(using: &random) ?? "0"
            return replacing(required, in: valid, with: Data(huge.utf8))
        default:
            // A string that is not UTF-8.
            return replacing(required, in: valid, with: Data([0x22, 0xFF, 0xFE, 0xC3, 0x22]))
        }
    }

    /// `valid` with one required key's value replaced by raw bytes.
    private mutating func replacing(_ required: [String], in valid: SimulatorJSON, with raw: Data) -> Data {
        guard case .object(var object) = valid, let key = required.randomElement(using: &random) else { return raw }
        let marker = "__malformed_\(random.next())__"
        object[key] = .string(marker)
        let text = SimulatorJSON.object(object).encoded()
        guard let range = text.range(of: Data("\"\(marker)\"".utf8)) else { return raw }
        return text.replacingCharacters(in: range, with: raw)
    }

    static let wrongTypes: [SimulatorJSON] = [.array([.null]), .object(["x": .integer(1)]), .bool(false)]
}

extension Data {
    fileprivate func replacingCharacters(in range: Range<Data.Index>, with raw: Data) -> Data {
        var copy = self
        copy.replaceSubrange(range, with: raw)
        return copy
    }
}
