/// The `custom_id` of a button, select or modal: an action name and plain ids, `action:arg:arg`.
///
/// It says what was clicked and on which object, never who may do it: every handler re-checks
/// the invoker and the object against the database at click time. Discord caps it at 100
/// characters; `encoded` refuses anything longer rather than sending what Discord would reject.
public struct CustomID: Sendable, Hashable, CustomStringConvertible {
    public let action: String
    public let arguments: [String]

    public static let maxLength = 100

    public init(_ action: String, _ arguments: [String] = []) {
        self.action = action
        self.arguments = arguments
    }

    public init(_ action: String, _ id: Int) {
        self.init(action, [String(id)])
    }

    /// Nil for text that is not `action(:arg)*` within the length limit.
    public init?(parsing text: String) {
        guard !text.isEmpty, text.count <= Self.maxLength else { return nil }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard let action = parts.first, !action.isEmpty else { return nil }
        self.action = action
        arguments = Array(parts.dropFirst())
    }

    public var encoded: String {
        let text = ([action] + arguments).joined(separator: ":")
        precondition(text.count <= Self.maxLength, "custom_id over \(Self.maxLength) characters: \(action)")
        return text
    }

    public var description: String { encoded }

    /// The argument at `index` as a positive id, or nil.
    public func id(at index: Int = 0) -> Int? {
        guard arguments.indices.contains(index), let value = Int(arguments[index]), value > 0 else { return nil }
        return value
    }
}
