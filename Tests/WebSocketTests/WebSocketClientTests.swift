import Foundation
import Logging
import Testing
import WebSocket

@Suite("The WebSocket client against a scripted server")
struct WebSocketClientTests {
    let logger = Logger(label: "test.websocket")
    /// The handshake may wait up to a minute: a bound on how long a failure takes to show, never a
    /// judgement of speed, so a loaded machine only makes the tests slower.
    var patient: WebSocketClient.Configuration {
        var configuration = WebSocketClient.Configuration()
        configuration.connectTimeoutSeconds = 60
        return configuration
    }

    @Test("a frame sent in the same write as the 101 is not lost")
    func frameWithUpgrade() async throws {
        let server = try ScriptedServer()
        let hello = Frame(opcode: .text, payload: Array("{\"op\":10}".utf8))
        let served = server.serve(framesAfter101: [hello]) { connection in
            connection.send(Frame(opcode: .close, payload: [0x03, 0xE8]))
            return connection.readFrame()
        }
        let client = try await WebSocketClient.connect(to: server.url, configuration: patient, logger: logger)
        let (events, error) = await client.collected()
        #expect(error == nil)
        #expect(events == [.text("{\"op\":10}"), .close(.normal, "")])
        #expect(await served.value??.opcode == .close, "the client echoes the close frame")
    }

    @Test("a Discord close code and reason reach the application, and the close is echoed")
    func discordClose() async throws {
        let server = try ScriptedServer()
        let served = server.serve { connection in
            connection.send(Frame(opcode: .close, payload: [0x0F, 0xA4] + Array("Authentication failed.".utf8)))
            return connection.readFrame()
        }
        let client = try await WebSocketClient.connect(to: server.url, configuration: patient, logger: logger)
        let (events, _) = await client.collected()
        #expect(events == [.close(CloseCode(rawValue: 4004), "Authentication failed.")])
        #expect(await served.value??.payload.prefix(2) == [0x0F, 0xA4])
    }

    @Test("pings are answered with the same payload, masked")
    func pong() async throws {
        let server = try ScriptedServer()
        let served = server.serve { connection in
            connection.send(Frame(opcode: .ping, payload: [1, 2, 3]))
            let answer = connection.readFrame()
            connection.send(Frame(opcode: .close, payload: [0x03, 0xE8]))
            _ = connection.readFrame()
            return answer
        }
        let client = try await WebSocketClient.connect(to: server.url, configuration: patient, logger: logger)
        _ = await client.collected()
        let answer = await served.value ?? nil
        #expect(answer == Frame(opcode: .pong, payload: [1, 2, 3]))
    }

    @Test("a TCP drop without a close frame ends the events with an error")
    func drop() async throws {
        let server = try ScriptedServer()
        let served = server.serve { connection in
            connection.send(Frame(opcode: .text, payload: Array("one".utf8)))
            connection.drop()
        }
        let client = try await WebSocketClient.connect(to: server.url, configuration: patient, logger: logger)
        let (events, error) = await client.collected()
        _ = await served.value
        #expect(events == [.text("one")])
        #expect(error?.kind == .closed(code: nil, reason: ""))
    }

    @Test("a masked frame from the server is a protocol error: the client closes with 1002")
    func maskedServerFrame() async throws {
        let server = try ScriptedServer()
        let served = server.serve { connection in
            connection.send(Frame(opcode: .text, payload: Array("x".utf8)), maskingKey: [1, 2, 3, 4])
            return connection.readFrame()
        }
        let client = try await WebSocketClient.connect(to: server.url, configuration: patient, logger: logger)
        let (_, error) = await client.collected()
        #expect(error?.kind == .protocolViolation(closeCode: .protocolError))
        #expect(await served.value??.payload.prefix(2) == [0x03, 0xEA])
    }

    @Test("the client's close starts the handshake and ends the events when the server answers")
    func clientClose() async throws {
        try await expectClientCloseAnswered(configuration: patient, logger: logger)
    }

    @Test("a refused connection is a transport error")
    func refused() async {
        await #expect(throws: WebSocketError.self) {
            _ = try await WebSocketClient.connect(to: URL(string: "ws://127.0.0.1:1/")!, logger: logger)
        }
    }
}
