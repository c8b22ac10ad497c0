/// Why the workflow refused something about server types (`ServerType`). Each case carries what
/// the person needs to act on it; the bot renders it in their language, `description` is the
/// English text.
public enum ServerTypeRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    /// A request asked for a type no server of the pool has; `available` are the pool's types.
    case noServerOfType(requested: String, available: [String])
    /// The pool has servers of several types and the request named none.
    case typeRequired(available: [String])
    /// The server a moderator named is of another type than the request asks for.
    case wrongType(alias: String, serverType: String, requested: String)
    /// Every server of the requested type is lent or reserved (servers of other types may be free).
    case noFreeServerOfType(String)
    /// A typed type breaks `ServerType.rule`.
    case invalidType(String)
    /// An ACTIVE loan's type cannot change: its server is already lent.
    case typeFixedWhileLent(id: Int)

    public var description: String {
        switch self {
        case .noServerOfType(let requested, let available):
            "no server of type \(requested) is in the pool; its types are " + Self.list(available)
        case .typeRequired(let available):
            "the pool has servers of several types: choose one of " + Self.list(available)
        case .wrongType(let alias, let serverType, let requested):
            "server \(alias) is a \(serverType) server, but the request asks for \(requested)"
        case .noFreeServerOfType(let type): "no \(type) server is free: every one is lent or reserved"
        case .invalidType(let typed): "\(typed) is not a server type: \(ServerType.rule)"
        case .typeFixedWhileLent(let id): "loan #\(id) is already lent on a server: its type cannot change"
        }
    }

    static func list(_ types: [String]) -> String {
        types.isEmpty ? "none" : types.joined(separator: ", ")
    }
}
