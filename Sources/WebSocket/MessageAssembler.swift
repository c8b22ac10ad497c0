/// What a peer said, once frames are put together.
public enum WebSocketEvent: Sendable, Equatable {
    case text(String)
    case binary([UInt8])
    /// Answer with a pong carrying the same payload (RFC 6455 §5.5.2).
    case ping([UInt8])
    case pong([UInt8])
    /// The peer's close frame: its code (nil when the frame had no body) and reason.
    case close(CloseCode?, String)
}

/// Turns frames into messages: joins fragments (RFC 6455 §5.4), lets control frames through between them,
/// validates text as UTF-8 while it arrives, checks close frames (RFC 6455 §5.5.1, §7.4), and enforces the
/// maximum message size across fragments.
public struct MessageAssembler: Sendable {
    public let maximumMessageSize: Int
    private var fragments: [UInt8] = []
    private var fragmentedOpcode: Opcode?
    private var validator = UTF8Validator()

    public init(maximumMessageSize: Int) {
        self.maximumMessageSize = maximumMessageSize
    }

    /// The event a frame completes, or nil when it was a non-final fragment.
    public mutating func push(_ frame: Frame) throws(WebSocketError) -> WebSocketEvent? {
        switch frame.opcode {
        case .ping: return .ping(frame.payload)
        case .pong: return .pong(frame.payload)
        case .close: return try close(frame.payload)
        case .text, .binary:
            guard fragmentedOpcode == nil else {
                throw .violation(.protocolError, "a new message started before the fragmented one ended")
            }
            fragmentedOpcode = frame.opcode
            fragments.removeAll(keepingCapacity: true)
            validator = UTF8Validator()
            return try append(frame)
        case .continuation:
            guard fragmentedOpcode != nil else {
                throw .violation(.protocolError, "a continuation frame with no message to continue")
            }
            return try append(frame)
        }
    }

    private mutating func append(_ frame: Frame) throws(WebSocketError) -> WebSocketEvent? {
        guard fragments.count + frame.payload.count <= maximumMessageSize else {
            throw .violation(.messageTooBig, "a message exceeds the \(maximumMessageSize)-byte limit")
        }
        let opcode = fragmentedOpcode ?? frame.opcode
        if opcode == .text, !validator.feed(frame.payload) {
            throw .violation(.invalidPayload, "a text message is not valid UTF-8")
        }
        fragments.append(contentsOf: frame.payload)
        guard frame.isFinal else { return nil }
        fragmentedOpcode = nil
        let payload = fragments
        fragments = []
        if opcode == .text {
            guard validator.isComplete else { throw .violation(.invalidPayload, "a text message ends inside a character") }
            return .text(String(decoding: payload, as: UTF8.self))
        }
        return .binary(payload)
    }

    private func close(_ payload: [UInt8]) throws(WebSocketError) -> WebSocketEvent {
        guard !payload.isEmpty else { return .close(nil, "") }
        guard payload.count >= 2 else { throw .violation(.protocolError, "a close frame with a 1-byte body") }
        let code = CloseCode(rawValue: UInt16(payload[0]) << 8 | UInt16(payload[1]))
        guard code.isAllowedOnTheWire else { throw .violation(.protocolError, "close code \(code) may not be sent") }
        let reason = payload.dropFirst(2)
        guard UTF8Validator.isValid(reason) else { throw .violation(.invalidPayload, "a close reason is not valid UTF-8") }
        return .close(code, String(decoding: reason, as: UTF8.self))
    }
}
