/// One TCP connection the simulator accepted, from the handshake to its end.
public struct GatewayConnectionRecord: Sendable, Equatable {
    /// Which listener took the connection: the URL of `GET /gateway/bot`, or READY's `resume_gateway_url`.
    public enum Port: Sendable, Equatable {
        case gateway
        case resume
    }

    /// How the connection ended, as the server saw it.
    public enum Ending: Sendable, Equatable {
        /// Close frames went both ways (or the server gave up waiting for the client's).
        case closeHandshake
        /// The client's TCP connection ended without a close frame.
        case clientDisconnected
        /// The server dropped TCP on purpose (`GatewayScenario.dropTCP`).
        case serverDroppedTCP
        /// The handshake was refused with an HTTP error, or never completed.
        case handshakeFailed
        /// The simulator stopped while the connection was open (including half-open ones).
        case simulatorStopped
    }

    public let id: Int
    public let port: Port
    public internal(set) var path: String = ""
    /// The query parameters, decoded; `rawQuery` is the string as sent.
    public internal(set) var query: [String: String] = [:]
    public internal(set) var rawQuery: String = ""
    /// 101 once upgraded, the HTTP status of a refusal, nil before the request head arrived.
    public internal(set) var handshakeStatus: Int?
    public internal(set) var isCompressed = false
    /// The session the connection identified or resumed into.
    public internal(set) var sessionID: String?
    /// Pongs the client sent (answers to the pings of `.fragments(…, interleavingPing: true)`).
    public internal(set) var pongCount = 0
    public internal(set) var ending: Ending?

    public var isOpen: Bool { ending == nil }
}
