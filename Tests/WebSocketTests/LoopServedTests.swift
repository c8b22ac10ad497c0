import Foundation
import HTTP
import Logging
import Testing
import WebSocket

/// The same connection served by the HTTP client's loop thread instead of a thread of its own
/// (`Configuration.loop`), as the bot's gateway is: the first frames read with the handshake,
/// messages queued from other threads, the close handshake, a drop, and the loop's own end.
@Suite("The WebSocket client served by the HTTP client's loop")
struct LoopServedTests {
    let logger = Logger(label: "test.websocket.loop")

    func configuration(_ http: HTTPClient) -> WebSocketClient.Configuration {
        var configuration = WebSocketClient.Configuration()
        configuration.connectTimeoutSeconds = 60
        configuration.loop = http.socketLoop
        return configuration
    }

    @Test("a frame sent in the same write as the 101 is read at once, pings are answered, the close is echoed")
    func frameWithUpgrade() async throws {
        let http = try HTTPClient(logger: logger)
        defer { http.shutdown() }
        let server = try ScriptedServer()
        let hello = Frame(opcode: .text, payload: Array("{\"op\":10}".utf8))
        let served = server.serve(framesAfter101: [hello]) { connection in
            connection.send(Frame(opcode: .ping, payload: [7, 8]))
            let pong = connection.readFrame()
            connection.send(Frame(opcode: .close, payload: [0x03, 0xE8]))
            return [pong, connection.readFrame()]
        }
        let client = try await WebSocketClient.connect(to: server.url, configuration: configuration(http), logger: logger)
        let (events, error) = await client.collected()
        #expect(error == nil)
        #expect(events == [.text("{\"op\":10}"), .close(.normal, "")])
        let frames = await served.value ?? []
        #expect(frames.first ?? nil == Frame(opcode: .pong, payload: [7, 8]))
        #expect(frames.last??.opcode == .close, "the client echoes the close frame")
    }

    @Test("messages queued from another thread go out, and the client's close ends the events when answered")
    func clientClose() async throws {
        let http = try HTTPClient(logger: logger)
        defer { http.shutdown() }
        try await expectClientCloseAnswered(configuration: configuration(http), logger: logger)
    }

    /// The server reads the close and never answers; it drops the connection only once the test
    /// has seen the events end, or after 30 s. The events can end first only by the close's
    /// deadline, which the loop serves without any descriptor being ready.
    @Test("a close the peer never answers ends at the close timeout, before the peer drops", .timeLimit(.minutes(1)))
    func unansweredClose() async throws {
        let http = try HTTPClient(logger: logger)
        defer { http.shutdown() }
        let server = try ScriptedServer()
        let eventsEnded = DispatchSemaphore(value: 0)
        let served = server.serve { connection in
            let close = connection.readFrame()
            let waited = eventsEnded.wait(timeout: .now() + 30)
            return (close?.opcode, waited == .success)
        }
        var configuration = configuration(http)
        configuration.closeTimeout = .milliseconds(200)
        let client = try await WebSocketClient.connect(to: server.url, configuration: configuration, logger: logger)
        client.close(.normal)
        let (events, error) = await client.collected()
        eventsEnded.signal()
        #expect(events.isEmpty)
        #expect(error != nil)
        let (opcode, endedFirst) = await served.value ?? (nil, false)
        #expect(opcode == .close)
        #expect(endedFirst, "the events ended only when the peer dropped the connection")
    }

    @Test("a TCP drop ends the events with an error")
    func drop() async throws {
        let http = try HTTPClient(logger: logger)
        defer { http.shutdown() }
        let server = try ScriptedServer()
        let served = server.serve { connection in
            connection.send(Frame(opcode: .text, payload: Array("one".utf8)))
            connection.drop()
        }
        let client = try await WebSocketClient.connect(to: server.url, configuration: configuration(http), logger: logger)
        let (events, error) = await client.collected()
        _ = await served.value
        #expect(events == [.text("one")])
        #expect(error != nil)
    }

    @Test("the HTTP client's shutdown ends the connection it serves with an error, and nothing more is accepted",
          .timeLimit(.minutes(1)))
    func loopStops() async throws {
        let http = try HTTPClient(logger: logger)
        let server = try ScriptedServer()
        let served = server.serve { connection in
            connection.send(Frame(opcode: .text, payload: Array("one".utf8)))
            return connection.readFrame()
        }
        let client = try await WebSocketClient.connect(to: server.url, configuration: configuration(http), logger: logger)
        var iterator = client.events.makeAsyncIterator()
        #expect(try await iterator.next() == .text("one"))
        http.shutdown()
        await #expect(throws: WebSocketError.self) { _ = try await iterator.next() }
        #expect(throws: WebSocketError.self) { try client.send(.text("after")) }
        _ = await served.value
    }

    /// The loop polls both connections' descriptors in one array; each must be served from its own
    /// part of it, and one ending must not disturb the other.
    @Test("two connections on one loop each get their own messages, and one closing leaves the other served")
    func twoConnections() async throws {
        let http = try HTTPClient(logger: logger)
        defer { http.shutdown() }
        let first = try ScriptedServer()
        let second = try ScriptedServer()
        let firstServed = first.serve { connection in
            connection.send(Frame(opcode: .text, payload: Array("first".utf8)))
            connection.send(Frame(opcode: .close, payload: [0x03, 0xE8]))
            return connection.readFrame()
        }
        let secondServed = second.serve { connection in
            connection.send(Frame(opcode: .text, payload: Array("second".utf8)))
            let message = connection.readFrame()
            connection.send(Frame(opcode: .close, payload: [0x03, 0xE8]))
            _ = connection.readFrame()
            return message
        }
        let one = try await WebSocketClient.connect(to: first.url, configuration: configuration(http), logger: logger)
        let two = try await WebSocketClient.connect(to: second.url, configuration: configuration(http), logger: logger)
        let (firstEvents, firstError) = await one.collected()
        #expect(firstError == nil)
        #expect(firstEvents == [.text("first"), .close(.normal, "")])
        #expect(await firstServed.value??.opcode == .close, "the first connection echoes its close")
        // The first has ended; the second, on the same loop, still reads and writes.
        var events = two.events.makeAsyncIterator()
        #expect(try await events.next() == .text("second"))
        try two.send(.text("still here"))
        #expect(await secondServed.value??.payload == Array("still here".utf8))
        #expect(try await events.next() == .close(.normal, ""))
    }
}
