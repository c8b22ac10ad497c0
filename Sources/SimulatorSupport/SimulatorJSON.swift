public import Foundation

/// A JSON value as the simulators see it on the wire.
///
/// The simulators may not depend on the Discord models (they are written in parallel and are
/// what the simulators check), so requests and responses are handled as plain JSON. Unlike
/// `JSONSerialization`'s `Any`, this keeps booleans apart from numbers on Linux, is `Sendable`
/// and `Equatable`, and so can be stored in records that tests read.
public enum SimulatorJSON: Sendable, Hashable {
    case object([String: SimulatorJSON])
    case array([SimulatorJSON])
    case string(String)
    case integer(Int64)
    case double(Double)
    case bool(Bool)
    case null

    /// Parses `data`; `nil` when it is not JSON (the caller answers 50109).
    public init?(parsing data: Data) {
        guard let value = try? JSONDecoder().decode(SimulatorJSON.self, from: data) else { return nil }
        self = value
    }

    /// Serialised with sorted keys, so that equal values give equal bytes.
    public func encoded() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)) ?? Data("null".utf8)
    }

    public subscript(key: String) -> SimulatorJSON? {
        if case .object(let fields) = self { return fields[key] }
        return nil
    }

    public subscript(index: Int) -> SimulatorJSON? {
        if case .array(let items) = self, items.indices.contains(index) { return items[index] }
        return nil
    }

    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// Integers, and doubles that hold a whole number.
    public var intValue: Int? {
        switch self {
        case .integer(let value): Int(exactly: value)
        case .double(let value): Int(exactly: value)
        default: nil
        }
    }

    public var doubleValue: Double? {
        switch self {
        case .integer(let value): Double(value)
        case .double(let value): value
        default: nil
        }
    }

    public var boolValue: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    public var arrayValue: [SimulatorJSON]? {
        if case .array(let items) = self { return items }
        return nil
    }

    public var objectValue: [String: SimulatorJSON]? {
        if case .object(let fields) = self { return fields }
        return nil
    }

    public var isNull: Bool { self == .null }
}

extension SimulatorJSON: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int64.self) {
            self = .integer(value)
        } else if let value = try? container.decode(Double.self) {
            self = .double(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([SimulatorJSON].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: SimulatorJSON].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .object(let fields): try container.encode(fields)
        case .array(let items): try container.encode(items)
        case .string(let value): try container.encode(value)
        case .integer(let value): try container.encode(value)
        case .double(let value): try container.encode(value)
        case .bool(let value): try container.encode(value)
        case .null: try container.encodeNil()
        }
    }
}

extension SimulatorJSON: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int64) { self = .integer(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: SimulatorJSON...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, SimulatorJSON)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
    public init(nilLiteral: ()) { self = .null }
}

extension SimulatorJSON {
    /// `.string(value)`, or `.null` for `nil`: Discord sends `null` for absent optional fields.
    package static func optional(_ value: String?) -> SimulatorJSON {
        value.map(SimulatorJSON.string) ?? .null
    }
}
