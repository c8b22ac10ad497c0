public import WebSocket

/// A close frame that went out or came in.
public struct GatewayCloseRecord: Sendable, Equatable {
    public let connectionID: Int
    /// nil for a close frame without a body.
    public let code: CloseCode?
    public let reason: String
}
