import BotTesting
import TestSupport
import Discord
import DiscordSimulator
import Foundation
import SimulatorSupport
import Testing
import WebSocket

@Suite("Gateway simulator handshake") struct GatewaySimulatorHandshakeTests {
    @Test("the 101 and HELLO arrive in the first read") func helloWithUpgrade() async throws {
        try await GatewaySimulatorFixture.withSimulator { simulator in
            let client = try GatewaySimulatorRawClient(port: UInt16(simulator.gatewayURL.port!))
            client.write(GatewaySimulatorRawClient.upgradeRequest(query: "v=10&encoding=json"))
            let first = client.readOnce()
            let end = try #require(first.firstRange(of: [13, 10, 13, 10]))
            let head = String(decoding: first[..<end.lowerBound], as: UTF8.self)
            #expect(head.hasPrefix("HTTP/1.1 101 "))
            // The RFC 6455 §1.3 example key and its accept value.
            #expect(head.contains("Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo="))
            var parser = FrameParser(role: .client, maximumPayloadSize: 1 << 20)
            parser.append(first[end.upperBound...])
            let frame = try #require(try parser.nextFrame())
            let hello = try #require(SimulatorJSON(parsing: Data(frame.payload)))
            #expect(frame.opcode == .text)
            #expect(hello["op"] == 10)
            #expect(hello["d"]?["heartbeat_interval"] == 41_250)
            #expect(simulator.connections.first?.handshakeStatus == 101)
        }
    }

    @Test("an Upgrade request missing what RFC 6455 requires is refused with an HTTP error", arguments: [
        (["Connection: Upgrade", "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==", "Sec-WebSocket-Version: 13"], 400),
        (["Upgrade: websocket", "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==", "Sec-WebSocket-Version: 13"], 400),
        (["Upgrade: websocket", "Connection: Upgrade", "Sec-WebSocket-Version: 13"], 400),
        (["Upgrade: websocket", "Connection: Upgrade", "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==", "Sec-WebSocket-Version: 8"], 426),
    ])
    func badUpgrade(headers: [String], status: Int) async throws {
        try await GatewaySimulatorFixture.withSimulator { simulator in
            let client = try GatewaySimulatorRawClient(port: UInt16(simulator.gatewayURL.port!))
            client.write(GatewaySimulatorRawClient.upgradeRequest(query: "v=10&encoding=json", headers: headers))
            let response = String(decoding: client.readToEnd(), as: UTF8.self)
            #expect(response.hasPrefix("HTTP/1.1 \(status) "))
            try await eventually("the handshake to fail", timeout: .seconds(20), polling: .milliseconds(5)) { simulator.connections.first?.ending == .handshakeFailed }
            #expect(simulator.connections.first?.handshakeStatus == status)
        }
    }

    @Test("an encoding other than json, or an unknown compression, is refused before the upgrade", arguments: [
        "v=10&encoding=etf", "v=10", "v=10&encoding=json&compress=zstd-stream",
    ])
    func badQuery(query: String) async throws {
        try await GatewaySimulatorFixture.withSimulator { simulator in
            let url = URL(string: simulator.gatewayURL.absoluteString + "/?" + query)!
            await #expect(throws: WebSocketError.self) { _ = try await GatewaySimulatorTestClient.connect(to: url) }
            #expect(simulator.connections.first?.handshakeStatus == 400)
        }
    }

    @Test("a wrong API version is upgraded, then closed with 4012 before HELLO", arguments: ["v=9&encoding=json", "encoding=json"])
    func badVersion(query: String) async throws {
        try await GatewaySimulatorFixture.withSimulator { simulator in
            let client = try await GatewaySimulatorTestClient.connect(to: URL(string: simulator.gatewayURL.absoluteString + "/?" + query)!)
            let (close, ending) = await client.ending()
            #expect(close?.code == GatewayCloseCode.invalidAPIVersion)
            #expect(close?.reason == "Invalid API version")
            #expect(ending.isSuccess)
            #expect(client.payloadCount == 0)
            #expect(simulator.connections.first?.query["v"] == (query.contains("v=9") ? "9" : nil))
        }
    }

    @Test("zlib-stream: every payload inflates with one inflater per connection") func compressed() async throws {
        var configuration = DiscordGatewaySimulator.Configuration(botToken: GatewaySimulatorFixture.token)
        configuration.maxConcurrency = 2
        try await GatewaySimulatorFixture.withSimulator(configuration) { simulator in
            for _ in 0..<2 {
                let client = try await GatewaySimulatorTestClient.connect(to: simulator.connectURL(compressed: true))
                let ready = try await client.identifiedReady(intents: 1)
                #expect(ready["s"] == 1)
                #expect(await client.next(op: 0)?["t"] == "GUILD_CREATE")
                #expect(client.binaryMessageCount == 3)
                client.socket.close(.normal)
                _ = await client.ending()
            }
            #expect(simulator.connections.map(\.isCompressed) == [true, true])
            #expect(simulator.connections.first?.query == ["v": "10", "encoding": "json", "compress": "zlib-stream"])
        }
    }
}
