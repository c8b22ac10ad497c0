/// One WebSocket frame, unmasked (RFC 6455 §5.2).
public struct Frame: Sendable, Equatable {
    public var isFinal: Bool
    public var opcode: Opcode
    public var payload: [UInt8]

    public init(isFinal: Bool = true, opcode: Opcode, payload: [UInt8]) {
        self.isFinal = isFinal
        self.opcode = opcode
        self.payload = payload
    }
}
