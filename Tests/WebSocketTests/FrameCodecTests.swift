import Testing
import WebSocket

@Suite("Frames on the wire (RFC 6455 §5)")
struct FrameCodecTests {
    static let hello = Array("Hello".utf8)

    @Test("the RFC's own examples encode to the RFC's bytes")
    func rfcExamples() {
        #expect(FrameEncoder.encode(Frame(opcode: .text, payload: Self.hello), maskingKey: nil) == [0x81, 0x05, 0x48, 0x65, 0x6C, 0x6C, 0x6F])
        #expect(FrameEncoder.encode(Frame(opcode: .text, payload: Self.hello), maskingKey: [0x37, 0xFA, 0x21, 0x3D])
            == [0x81, 0x85, 0x37, 0xFA, 0x21, 0x3D, 0x7F, 0x9F, 0x4D, 0x51, 0x58])
        #expect(FrameEncoder.encode(Frame(opcode: .binary, payload: Array(repeating: 0, count: 256)), maskingKey: nil).prefix(4) == [0x82, 0x7E, 0x01, 0x00])
        #expect(FrameEncoder.encode(Frame(opcode: .binary, payload: Array(repeating: 0, count: 65_536)), maskingKey: nil).prefix(10)
            == [0x82, 0x7F, 0, 0, 0, 0, 0, 1, 0, 0])
    }

    @Test("frames parse back whatever pieces the bytes arrive in", arguments: [1, 2, 3, 7, 1000])
    func splitArrival(pieceSize: Int) throws {
        let frames = [
            Frame(isFinal: false, opcode: .text, payload: Array("Hel".utf8)),
            Frame(opcode: .ping, payload: [1, 2]),
            Frame(opcode: .continuation, payload: Array("lo".utf8)),
            Frame(opcode: .binary, payload: (0..<70_000).map { UInt8(truncatingIfNeeded: $0) }),
        ]
        let bytes = frames.flatMap { FrameEncoder.encode($0, maskingKey: [9, 8, 7, 6]) }
        var parser = FrameParser(role: .server, maximumPayloadSize: 1 << 20)
        var parsed: [Frame] = []
        for start in stride(from: 0, to: bytes.count, by: pieceSize) {
            parser.append(bytes[start..<min(start + pieceSize, bytes.count)])
            while let frame = try parser.nextFrame() { parsed.append(frame) }
        }
        #expect(parsed == frames)
        #expect(parser.bufferedByteCount == 0)
    }

    @Test("frames that break the RFC are refused with the right close code", arguments: [
        ([0xC1, 0x00], CloseCode.protocolError),                 // RSV1 set, no extension negotiated
        ([0x83, 0x00], CloseCode.protocolError),                 // reserved data opcode 3
        ([0x8B, 0x00], CloseCode.protocolError),                 // reserved control opcode 11
        ([0x09, 0x00], CloseCode.protocolError),                 // fragmented ping
        ([0x89, 0x7E, 0x00, 0x7E], CloseCode.protocolError),     // ping of 126 bytes
        ([0x81, 0x81, 1, 2, 3, 4, 0], CloseCode.protocolError),  // a masked frame from the server
        ([0x82, 0x7F, 0x80, 0, 0, 0, 0, 0, 0, 1], CloseCode.protocolError), // 64-bit length, top bit set
        ([0x82, 0x7F, 0, 0, 0, 0, 0, 0x10, 0, 0], CloseCode.messageTooBig),  // 1 MiB over a 64 KiB limit
    ] as [([UInt8], CloseCode)])
    func violations(bytes: [UInt8], code: CloseCode) {
        var parser = FrameParser(role: .client, maximumPayloadSize: 65_536)
        parser.append(bytes)
        let error = #expect(throws: WebSocketError.self) { _ = try parser.nextFrame() }
        #expect(error?.kind == .protocolViolation(closeCode: code))
    }

    @Test("a server refuses unmasked client frames")
    func serverNeedsMask() {
        var parser = FrameParser(role: .server, maximumPayloadSize: 1024)
        parser.append(FrameEncoder.encode(Frame(opcode: .text, payload: Self.hello), maskingKey: nil))
        #expect(throws: WebSocketError.self) { _ = try parser.nextFrame() }
    }

    @Test("masking keys come from the generator and differ frame to frame")
    func freshKeys() {
        var generator = SystemRandomNumberGenerator()
        let keys = Set((0..<100).map { _ in FrameEncoder.makeMaskingKey(using: &generator) })
        #expect(keys.count > 95)
        #expect(keys.allSatisfy { $0.count == 4 })
    }
}
