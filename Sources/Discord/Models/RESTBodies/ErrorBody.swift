/// Discord's JSON error body, `{code, message, errors?}` (SPEC `ErrorResponse`).
///
/// The nested `errors` tree (`{"data":{"embeds":{"0":{"title":{"_errors":[…]}}}}}`) is flattened
/// into `fieldErrors`, one per failing field with a dotted path, so a log line or a test can say
/// which field Discord rejected without walking the tree.
public struct ErrorBody: Sendable, Hashable, CustomStringConvertible {
    /// A JSON error code (docs `topics/opcodes-and-status-codes.mdx`); the named ones, in
    /// `DiscordCodeKinds.swift`, are those the bot branches on.
    public typealias Code = DiscordCode<ErrorCodeKind>

    /// One rejected field: `path` joins object keys and array indexes with dots, as Discord's own
    /// messages do (`data.embeds.0.title`); it is empty for errors about the body as a whole.
    public struct FieldError: Sendable, Hashable, CustomStringConvertible {
        public var path: String
        public var code: String
        public var message: String

        /// `data.embeds.0.title: Must be 256 or fewer in length. (BASE_TYPE_MAX_LENGTH)`
        public var description: String {
            path.isEmpty ? "\(message) (\(code))" : "\(path): \(message) (\(code))"
        }
    }

    public var code: Code
    public var message: String
    public var fieldErrors: [FieldError]

    /// The field errors for `path` (e.g. `data.embeds.0.title`).
    public func errors(at path: String) -> [FieldError] {
        fieldErrors.filter { $0.path == path }
    }

    public var description: String {
        let fields = fieldErrors.map(\.description).joined(separator: "; ")
        return fields.isEmpty ? "\(message) (\(code))" : "\(message) (\(code)): \(fields)"
    }
}

extension ErrorBody: Codable {
    private enum CodingKeys: String, CodingKey {
        case code, message, errors
    }

    private struct Leaf: Codable {
        var code: String
        var message: String
    }

    private static let leafKey = AnyCodingKey(stringValue: "_errors")

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        code = try container.decode(Code.self, forKey: .code)
        message = try container.decode(String.self, forKey: .message)
        var collected: [FieldError] = []
        if container.contains(.errors), let tree = try? container.nestedContainer(keyedBy: AnyCodingKey.self, forKey: .errors) {
            Self.collect(tree, path: [], into: &collected)
        }
        fieldErrors = collected
    }

    /// Walks the tree depth first; keys are sorted (indexes numerically) so the order is stable.
    private static func collect(_ node: KeyedDecodingContainer<AnyCodingKey>, path: [String], into errors: inout [FieldError]) {
        let keys = node.allKeys.sorted { lhs, rhs in
            switch (lhs.intValue, rhs.intValue) {
            case let (left?, right?): left < right
            case (.some, nil): true
            case (nil, .some): false
            case (nil, nil): lhs.stringValue < rhs.stringValue
            }
        }
        for key in keys {
            if key == leafKey {
                let leaves = (try? node.decode([Leaf].self, forKey: key)) ?? []
                errors += leaves.map { FieldError(path: path.joined(separator: "."), code: $0.code, message: $0.message) }
            } else if let child = try? node.nestedContainer(keyedBy: AnyCodingKey.self, forKey: key) {
                collect(child, path: path + [key.stringValue], into: &errors)
            }
        }
    }

    /// Rebuilds the nested tree, so a simulator can answer with the body Discord would send.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(code, forKey: .code)
        try container.encode(message, forKey: .message)
        guard !fieldErrors.isEmpty else { return }
        let entries = fieldErrors.map { (path: $0.path.isEmpty ? [] : $0.path.split(separator: ".").map(String.init), error: $0) }
        var tree = container.nestedContainer(keyedBy: AnyCodingKey.self, forKey: .errors)
        try Self.write(entries[...], into: &tree)
    }

    private static func write(_ entries: ArraySlice<(path: [String], error: FieldError)>, into node: inout KeyedEncodingContainer<AnyCodingKey>) throws {
        let leaves = entries.filter(\.path.isEmpty).map { Leaf(code: $0.error.code, message: $0.error.message) }
        if !leaves.isEmpty { try node.encode(leaves, forKey: leafKey) }
        var order: [String] = []
        var children: [String: [(path: [String], error: FieldError)]] = [:]
        for entry in entries where !entry.path.isEmpty {
            let head = entry.path[0]
            if children[head] == nil { order.append(head) }
            children[head, default: []].append((Array(entry.path.dropFirst()), entry.error))
        }
        for head in order {
            var child = node.nestedContainer(keyedBy: AnyCodingKey.self, forKey: AnyCodingKey(stringValue: head))
            try write(children[head, default: []][...], into: &child)
        }
    }
}
