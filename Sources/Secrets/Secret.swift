/// A token, key or password that must never reach a log, an error or a public message.
///
/// Every textual form prints a marker; the value comes out only through `revealed()`, which is
/// called where the secret is handed to the outside (an `Authorization` header, a conninfo string).
public struct Secret: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    private let value: String

    public init(_ value: String) {
        self.value = value
    }

    public func revealed() -> String { value }

    public var isEmpty: Bool { value.isEmpty }

    public var description: String { "<redacted>" }
    public var debugDescription: String { "<redacted>" }
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}
