import WebSocket

/// The writing half of a connection: payloads compressed into the connection's zlib stream and cut
/// into messages and frames as `DispatchDelivery` says, close frames, and non-blocking flushing.
extension GatewayConnection {
    mutating func encodePayload(_ json: [UInt8], _ delivery: DispatchDelivery) {
        let opcode: Opcode = deflater == nil ? .text : .binary
        let bytes = deflater?.compress(json) ?? json
        switch delivery {
        case .whole:
            appendFrame(Frame(opcode: opcode, payload: bytes))
        case .zlibMessages(let count):
            guard deflater != nil else { return appendFrame(Frame(opcode: opcode, payload: bytes)) }
            for piece in Self.split(bytes, into: count) { appendFrame(Frame(opcode: .binary, payload: piece)) }
        case .fragments(let count, let interleavingPing):
            let pieces = Self.split(bytes, into: count)
            for (index, piece) in pieces.enumerated() {
                appendFrame(Frame(isFinal: index == pieces.count - 1, opcode: index == 0 ? opcode : .continuation, payload: piece))
                if index == 0 && interleavingPing && pieces.count > 1 {
                    appendFrame(Frame(opcode: .ping, payload: Array("simulator".utf8)))
                }
            }
        }
    }

    mutating func encodeClose(_ code: CloseCode, reason: String) {
        guard closeSentAt == nil else { return }
        var payload = [UInt8(code.rawValue >> 8), UInt8(code.rawValue & 0xFF)]
        payload += Array(reason.utf8.prefix(123))
        appendFrame(Frame(opcode: .close, payload: payload))
        closeSentAt = .now
    }

    mutating func appendFrame(_ frame: Frame) {
        output += FrameEncoder.encode(frame, maskingKey: nil)
    }

    /// Writes as much as the socket takes now; the rest waits for POLLOUT.
    mutating func flush() {
        defer { reportWrittenDispatches() }
        while outputOffset < output.count {
            switch LoopbackSocket.send(descriptor, output[outputOffset...]) {
            case .done(let count): outputOffset += count
            case .wouldBlock, .closed: return
            }
        }
        output.removeAll(keepingCapacity: true)
        outputOffset = 0
    }

    /// Reports the dispatches whose last byte the socket has taken (all of them once `output`
    /// was emptied).
    private mutating func reportWrittenDispatches() {
        guard !dispatchEnds.isEmpty else { return }
        let written = output.isEmpty ? dispatchEnds.count : dispatchEnds.prefix { $0.end <= outputOffset }.count
        guard written > 0 else { return }
        simulator.dispatchesWritten(dispatchEnds.prefix(written).map(\.sequence), at: .now)
        dispatchEnds.removeFirst(written)
    }

    /// For handshake refusals: one best-effort write of a small response before closing.
    func writeImmediately(_ bytes: [UInt8]) {
        _ = LoopbackSocket.send(descriptor, bytes[...])
    }

    /// `count` nearly equal non-empty pieces (fewer when there are fewer bytes).
    static func split(_ bytes: [UInt8], into count: Int) -> [[UInt8]] {
        let pieces = max(1, min(count, bytes.count))
        let size = (bytes.count + pieces - 1) / pieces
        return stride(from: 0, to: max(bytes.count, 1), by: max(size, 1)).map { Array(bytes[$0..<min($0 + size, bytes.count)]) }
    }
}
