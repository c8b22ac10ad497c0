public import SimulatorSupport
/// One message a client sent on a connection, as the gateway read it.
public struct GatewayReceivedPayload: Sendable, Equatable {
    public let connectionID: Int
    /// Time since HELLO was written.
    public let elapsed: Duration
    /// `op`, nil when the message was not a JSON object with an integer `op` (closed with 4002).
    public let op: Int?
    /// `d` as sent (`.null` for an explicit null), nil when absent or undecodable.
    public let data: SimulatorJSON?
    public let byteCount: Int
}
