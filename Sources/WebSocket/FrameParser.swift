/// Reads frames out of a byte stream that arrives in arbitrary pieces (RFC 6455 §5.2).
///
/// Checks what can be checked per frame: reserved bits (no extension is negotiated, so any set bit is
/// an error), reserved opcodes, control-frame size and fragmentation, masking direction, the 64-bit
/// length's top bit, and the size limit, which is checked from the header before the payload is
/// buffered, so an oversized frame costs no memory.
public struct FrameParser: Sendable {
    /// Who reads: a client expects unmasked frames, a server expects masked ones (RFC 6455 §5.1).
    public enum Role: Sendable {
        case client
        case server
    }

    public let role: Role
    public let maximumPayloadSize: Int
    private var buffer: [UInt8] = []
    private var readIndex = 0

    public init(role: Role, maximumPayloadSize: Int) {
        self.role = role
        self.maximumPayloadSize = maximumPayloadSize
    }

    /// Bytes received and not yet consumed as frames.
    public var bufferedByteCount: Int { buffer.count - readIndex }

    public mutating func append(_ bytes: some Collection<UInt8>) {
        if readIndex > 0 && readIndex * 2 >= buffer.count {
            buffer.removeFirst(readIndex)
            readIndex = 0
        }
        buffer.append(contentsOf: bytes)
    }

    /// The next complete frame, nil when more bytes are needed, or an error naming the close code.
    public mutating func nextFrame() throws(WebSocketError) -> Frame? {
        let available = buffer.count - readIndex
        guard available >= 2 else { return nil }
        let first = buffer[readIndex]
        let second = buffer[readIndex + 1]
        guard first & 0x70 == 0 else {
            throw .violation(.protocolError, "reserved bits set without a negotiated extension")
        }
        guard let opcode = Opcode(rawValue: first & 0x0F) else {
            throw .violation(.protocolError, "reserved opcode \(first & 0x0F)")
        }
        let isFinal = first & 0x80 != 0
        let isMasked = second & 0x80 != 0
        switch (role, isMasked) {
        case (.client, true): throw .violation(.protocolError, "a server frame was masked")
        case (.server, false): throw .violation(.protocolError, "a client frame was not masked")
        default: break
        }
        var headerLength = 2
        var length = Int(second & 0x7F)
        if opcode.isControl {
            guard isFinal else { throw .violation(.protocolError, "a fragmented control frame") }
            guard length <= 125 else { throw .violation(.protocolError, "a control frame longer than 125 bytes") }
        }
        if length == 126 {
            guard available >= 4 else { return nil }
            length = Int(buffer[readIndex + 2]) << 8 | Int(buffer[readIndex + 3])
            headerLength = 4
        } else if length == 127 {
            guard available >= 10 else { return nil }
            var wide: UInt64 = 0
            for offset in 2..<10 { wide = wide << 8 | UInt64(buffer[readIndex + offset]) }
            guard wide >> 63 == 0 else { throw .violation(.protocolError, "the 64-bit length has its top bit set") }
            guard wide <= UInt64(maximumPayloadSize) else {
                throw .violation(.messageTooBig, "a frame of \(wide) bytes exceeds the \(maximumPayloadSize)-byte limit")
            }
            length = Int(wide)
            headerLength = 10
        }
        guard length <= maximumPayloadSize else {
            throw .violation(.messageTooBig, "a frame of \(length) bytes exceeds the \(maximumPayloadSize)-byte limit")
        }
        let keyLength = isMasked ? 4 : 0
        guard available >= headerLength + keyLength + length else { return nil }
        let payloadStart = readIndex + headerLength + keyLength
        var payload = Array(buffer[payloadStart..<payloadStart + length])
        if isMasked {
            let key = Array(buffer[readIndex + headerLength..<payloadStart])
            Masking.apply(key, to: &payload, from: 0)
        }
        readIndex = payloadStart + length
        return Frame(isFinal: isFinal, opcode: opcode, payload: payload)
    }
}
