import Testing
import WebSocket

@Suite("Messages from frames (RFC 6455 §5.4, §5.5, §8.1)")
struct MessageAssemblerTests {
    func events(_ frames: [Frame], limit: Int = 1 << 20) throws -> [WebSocketEvent] {
        var assembler = MessageAssembler(maximumMessageSize: limit)
        return try frames.compactMap { try assembler.push($0) }
    }

    @Test("fragments join, with control frames in between")
    func fragments() throws {
        let result = try events([
            Frame(isFinal: false, opcode: .text, payload: Array("こん".utf8)),
            Frame(opcode: .ping, payload: [7]),
            Frame(isFinal: false, opcode: .continuation, payload: []),
            Frame(opcode: .continuation, payload: Array("にちは".utf8)),
            Frame(opcode: .binary, payload: [1, 2, 3]),
        ])
        #expect(result == [.ping([7]), .text("こんにちは"), .binary([1, 2, 3])])
    }

    @Test("a character split across fragments is fine; invalid UTF-8 fails at once with 1007")
    func utf8() throws {
        let euro: [UInt8] = [0xE2, 0x82, 0xAC]
        #expect(try events([Frame(isFinal: false, opcode: .text, payload: [euro[0]]), Frame(opcode: .continuation, payload: Array(euro[1...]))]) == [.text("€")])
        var assembler = MessageAssembler(maximumMessageSize: 1024)
        // The first fragment is already impossible (a surrogate), so it fails before the message ends.
        let error = #expect(throws: WebSocketError.self) { _ = try assembler.push(Frame(isFinal: false, opcode: .text, payload: [0xED, 0xA0, 0x80])) }
        #expect(error?.kind == .protocolViolation(closeCode: .invalidPayload))
        let truncated = #expect(throws: WebSocketError.self) { _ = try events([Frame(opcode: .text, payload: [0xE2, 0x82])]) }
        #expect(truncated?.kind == .protocolViolation(closeCode: .invalidPayload))
    }

    @Test("overlong forms, surrogates and code points above U+10FFFF are invalid", arguments: [
        [0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xED, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0x80], [0xFF],
    ] as [[UInt8]])
    func malformedUTF8(bytes: [UInt8]) {
        #expect(throws: WebSocketError.self) { _ = try events([Frame(opcode: .text, payload: bytes)]) }
    }

    @Test("fragmentation mistakes are protocol errors")
    func fragmentationErrors() {
        #expect(throws: WebSocketError.self) { _ = try events([Frame(opcode: .continuation, payload: [1])]) }
        #expect(throws: WebSocketError.self) {
            _ = try events([Frame(isFinal: false, opcode: .text, payload: [65]), Frame(opcode: .text, payload: [66])])
        }
    }

    @Test("a message over the limit across fragments fails with 1009")
    func tooBig() {
        let error = #expect(throws: WebSocketError.self) {
            _ = try events([Frame(isFinal: false, opcode: .binary, payload: Array(repeating: 0, count: 600)), Frame(opcode: .continuation, payload: Array(repeating: 0, count: 600))], limit: 1000)
        }
        #expect(error?.kind == .protocolViolation(closeCode: .messageTooBig))
    }

    @Test("close frames carry a code and a UTF-8 reason, or nothing", arguments: [
        ([], nil, true),
        ([0x03, 0xE8], CloseCode.normal, true),
        ([0x0F, 0xA4] + Array("Authentication failed.".utf8), CloseCode(rawValue: 4004), true),
        ([0x03], nil, false),                       // a one-byte body
        ([0x03, 0xED], nil, false),                 // 1005 may not be sent
        ([0x03, 0xF7], nil, false),                 // 1015 may not be sent
        ([0x13, 0x88], nil, false),                 // 5000 is out of range
        ([0x03, 0xE8, 0xC0, 0xAF], nil, false),     // reason is not UTF-8
    ] as [([UInt8], CloseCode?, Bool)])
    func closeFrames(payload: [UInt8], code: CloseCode?, isValid: Bool) throws {
        if isValid {
            let result = try events([Frame(opcode: .close, payload: payload)])
            guard case .close(let parsedCode, _) = result.first else {
                Issue.record("expected a close event, got \(result)")
                return
            }
            #expect(parsedCode == code)
        } else {
            #expect(throws: WebSocketError.self) { _ = try events([Frame(opcode: .close, payload: payload)]) }
        }
    }
}
