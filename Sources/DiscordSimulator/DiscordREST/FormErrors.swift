import SimulatorSupport
/// The `errors` tree of a 50035 "Invalid Form Body": nested objects along the field's path (array
/// indices as string keys) ending in `{"_errors": [{"code", "message"}]}`, as Discord nests them:
/// `{"embeds": {"0": {"title": {"_errors": [...]}}}}`.
struct FormErrors {
    private var entries: [(path: [String], code: String, message: String)] = []

    var isEmpty: Bool { entries.isEmpty }

    mutating func add(_ path: [String], code: String, message: String) {
        entries.append((path, code, message))
    }

    /// Discord's wording for a string or list longer than `limit`.
    mutating func tooLong(_ path: [String], limit: Int) {
        add(path, code: "BASE_TYPE_MAX_LENGTH", message: "Must be \(limit) or fewer in length.")
    }

    mutating func badLength(_ path: [String], range: ClosedRange<Int>) {
        add(path, code: "BASE_TYPE_BAD_LENGTH", message: "Must be between \(range.lowerBound) and \(range.upperBound) in length.")
    }

    mutating func required(_ path: [String]) {
        add(path, code: "BASE_TYPE_REQUIRED", message: "This field is required")
    }

    mutating func wrongType(_ path: [String], expected: String) {
        add(path, code: "BASE_TYPE_\(expected.uppercased())", message: "Must be a \(expected).")
    }

    var tree: SimulatorJSON {
        var root: SimulatorJSON = [:]
        for entry in entries {
            root = Self.inserting(code: entry.code, message: entry.message, at: entry.path[...], into: root)
        }
        return root
    }

    private static func inserting(code: String, message: String, at path: ArraySlice<String>, into node: SimulatorJSON) -> SimulatorJSON {
        var fields = node.objectValue ?? [:]
        guard let head = path.first else {
            var errors = fields["_errors"]?.arrayValue ?? []
            errors.append(["code": .string(code), "message": .string(message)])
            fields["_errors"] = .array(errors)
            return .object(fields)
        }
        fields[head] = inserting(code: code, message: message, at: path.dropFirst(), into: fields[head] ?? [:])
        return .object(fields)
    }
}
