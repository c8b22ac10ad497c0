import WebSocket

/// What the simulator asks a connection's thread to do, in order. Payloads are JSON bytes; the
/// thread compresses them (one zlib stream per connection) and frames them as `delivery` says.
enum OutboundItem {
    case payload([UInt8], DispatchDelivery)
    /// A dispatch: a payload whose writing is reported under its sequence number once its last
    /// byte is on the socket (`DiscordGatewaySimulator.observeDispatchWrites`).
    case dispatch([UInt8], DispatchDelivery, sequence: Int)
    case close(CloseCode, reason: String)
    /// End TCP without a close frame.
    case dropTCP
    /// Stop reading and writing but keep the socket open (a zombie connection).
    case halfOpen
}

/// How one payload is cut into WebSocket messages and frames: the framing Discord may use (docs/DISCORD.md#connection).
public enum DispatchDelivery: Sendable, Equatable {
    /// One message in one frame, as Discord usually sends.
    case whole
    /// On a `zlib-stream` connection, the compressed bytes split across `count` binary messages;
    /// only the last ends with `00 00 FF FF`. Without compression this is `.whole`.
    case zlibMessages(count: Int)
    /// One message in `count` frames (a first frame and continuations), with a ping between the
    /// first and second fragment when `interleavingPing` is true (RFC 6455 §5.4, §5.5).
    case fragments(count: Int, interleavingPing: Bool)
}
