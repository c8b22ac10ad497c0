import Testing
import WebSocket

@Suite("The opening handshake (RFC 6455 §4)")
struct HandshakeTests {
    @Test("the accept value is the RFC's worked example")
    func acceptValue() {
        #expect(Handshake.acceptValue(for: "dGhlIHNhbXBsZSBub25jZQ==") == "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=")
    }

    func response(accept: String, status: String = "101 Switching Protocols", extra: String = "") -> [UInt8] {
        Array("HTTP/1.1 \(status)\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: \(accept)\r\n\(extra)\r\n".utf8)
    }

    @Test("a correct answer is accepted and the bytes after it are kept")
    func accepted() throws {
        var generator = SystemRandomNumberGenerator()
        let handshake = Handshake(using: &generator)
        let request = String(decoding: handshake.request(host: "gateway.discord.gg", path: "/?v=10&encoding=json"), as: UTF8.self)
        #expect(request.hasPrefix("GET /?v=10&encoding=json HTTP/1.1\r\nHost: gateway.discord.gg\r\n"))
        #expect(request.contains("Sec-WebSocket-Key: \(handshake.key)\r\n"))
        #expect(request.hasSuffix("\r\n\r\n"))
        let firstFrame: [UInt8] = [0x81, 0x02, 0x7B, 0x7D]
        let partial = response(accept: Handshake.acceptValue(for: handshake.key))
        #expect(try handshake.validateResponse(Array(partial.dropLast(2))) == nil)
        #expect(try handshake.validateResponse(partial + firstFrame) == firstFrame)
    }

    @Test("a wrong status, accept value, or an unrequested extension is refused")
    func refused() {
        var generator = SystemRandomNumberGenerator()
        let handshake = Handshake(using: &generator)
        let accept = Handshake.acceptValue(for: handshake.key)
        for bad in [
            response(accept: accept, status: "200 OK"),
            response(accept: "AAAA"),
            response(accept: accept, extra: "Sec-WebSocket-Extensions: permessage-deflate\r\n"),
            Array("HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: \(accept)\r\n\r\n".utf8),
        ] {
            let error = #expect(throws: WebSocketError.self) { _ = try handshake.validateResponse(bad) }
            #expect(error?.kind == .handshakeFailed)
        }
    }
}
