import Logging
import Testing
import WebSocket

/// The client closes after queueing a message, and the peer answers the close: the message goes
/// out first, the close frame carries the code and reason, the events end cleanly with the close,
/// and nothing more is accepted. The same whether the connection has a thread of its own or is
/// served by a loop.
func expectClientCloseAnswered(configuration: WebSocketClient.Configuration, logger: Logger) async throws {
    let server = try ScriptedServer()
    let served = server.serve { connection in
        let message = connection.readFrame()
        let close = connection.readFrame()
        connection.send(Frame(opcode: .close, payload: close?.payload ?? []))
        return [message, close]
    }
    let client = try await WebSocketClient.connect(to: server.url, configuration: configuration, logger: logger)
    try client.send(.text("{\"op\":1,\"d\":null}"))
    client.close(CloseCode(rawValue: 4000), reason: "heartbeat lost")
    let (events, error) = await client.collected()
    #expect(error == nil)
    #expect(events == [.close(CloseCode(rawValue: 4000), "heartbeat lost")])
    let frames = await served.value ?? []
    #expect(frames.first??.payload == Array("{\"op\":1,\"d\":null}".utf8))
    #expect(frames.last??.payload == [0x0F, 0xA0] + Array("heartbeat lost".utf8))
    #expect(throws: WebSocketError.self) { try client.send(.text("too late")) }
}
