/// How an adapter reports a failed call to the outside, so that the task runner can decide
/// between trying again later and stopping to ask a moderator.
public struct PortFailure: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// Worth retrying: a timeout, a 5xx, a 429, a lost connection.
        case transient
        /// Retrying cannot help until a person changes something: a 4xx, a conflict, a missing
        /// server, a full disk.
        case permanent
    }

    public let kind: Kind
    /// What failed, in words a moderator can act on. Never a secret, a URL with a token, or
    /// raw SQL or panel text.
    public let message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public static func transient(_ message: String) -> PortFailure { PortFailure(.transient, message) }
    public static func permanent(_ message: String) -> PortFailure { PortFailure(.permanent, message) }

    public var description: String { message }
}
