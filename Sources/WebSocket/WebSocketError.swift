/// The one error type of the `WebSocket` module.
public struct WebSocketError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// The peer broke RFC 6455; the connection must close with `closeCode`.
        case protocolViolation(closeCode: CloseCode)
        /// The server did not accept the upgrade.
        case handshakeFailed
        /// The peer closed the connection, with its code and reason when it sent a close frame.
        case closed(code: CloseCode?, reason: String)
        /// The transport failed (reset, TLS, DNS); see `message`.
        case transport
    }

    public let kind: Kind
    public let message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public static func violation(_ code: CloseCode, _ message: String) -> WebSocketError {
        WebSocketError(.protocolViolation(closeCode: code), message)
    }

    public var description: String {
        switch kind {
        case .protocolViolation(let code): "WebSocket protocol violation (close \(code)): \(message)"
        case .handshakeFailed: "WebSocket handshake failed: \(message)"
        case .closed(let code, let reason): "WebSocket closed by the peer (\(code.map(String.init(describing:)) ?? "no close frame"))\(reason.isEmpty ? "" : ": \(reason)")"
        case .transport: "WebSocket transport error: \(message)"
        }
    }
}
