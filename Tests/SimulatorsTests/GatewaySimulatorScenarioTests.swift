import BotTesting
import TestSupport
import DiscordSimulator
import Foundation
import SimulatorSupport
import Synchronization
import Testing
import WebSocket

@Suite("Gateway simulator scenarios seen by the client") struct GatewaySimulatorScenarioTests {
    func identified(_ simulator: DiscordGatewaySimulator, compressed: Bool = false) async throws -> (GatewaySimulatorTestClient, String) {
        let client = try await GatewaySimulatorTestClient.connect(to: simulator.connectURL(compressed: compressed))
        let ready = try await client.identifiedReady()
        return (client, try #require(ready["d"]?["session_id"]?.stringValue))
    }

    @Test("op 7 RECONNECT reaches the client") func reconnect() async throws {
        try await GatewaySimulatorFixture.withSimulator { simulator in
            let (client, _) = try await identified(simulator)
            simulator.perform(.reconnect)
            #expect(await client.next(op: 7)?["d"] == .null)
        }
    }

    @Test("op 9 reaches the client; false ends the session, true keeps it resumable", arguments: [true, false])
    func invalidSession(resumable: Bool) async throws {
        try await GatewaySimulatorFixture.withSimulator { simulator in
            let (client, sessionID) = try await identified(simulator)
            simulator.perform(.invalidSession(resumable: resumable))
            #expect(await client.next(op: 9)?["d"] == .bool(resumable))
            #expect(simulator.isResumable(sessionID) == resumable)
        }
    }

    @Test("a server close reaches the client with Discord's code and reason; only some codes end the session",
          arguments: [1000, 1001, 4000, 4007, 4009, 4004, 4010, 4011, 4012, 4013, 4014] as [UInt16])
    func serverClose(code rawCode: UInt16) async throws {
        try await GatewaySimulatorFixture.withSimulator { simulator in
            let (client, sessionID) = try await identified(simulator)
            let code = CloseCode(rawValue: rawCode)
            simulator.perform(.close(code))
            let (close, ending) = await client.ending()
            #expect(close?.code == code)
            #expect(close?.reason == GatewayCloseCode.reason(for: code))
            #expect(ending.isSuccess)
            #expect(simulator.isResumable(sessionID) == [1000, 1001, 4000].contains(rawCode))
            try await eventually("the connection to end with a close handshake", timeout: .seconds(20), polling: .milliseconds(5)) { simulator.connections.first?.ending == .closeHandshake }
            #expect(simulator.closesReceived.map(\.code) == [code])
        }
    }

    @Test("a TCP drop without a close frame ends the client's events with an error; the session stays resumable") func tcpDrop() async throws {
        try await GatewaySimulatorFixture.withSimulator { simulator in
            let (client, sessionID) = try await identified(simulator)
            simulator.perform(.dropTCP)
            let (close, ending) = await client.ending()
            #expect(close == nil)
            #expect(ending.endedWithoutCloseFrame)
            #expect(simulator.isResumable(sessionID) == true)
            #expect(simulator.connections.first?.ending == .serverDroppedTCP)
        }
    }

    @Test("half-open: nothing more arrives, heartbeats go unanswered, the socket stays open, and a RESUME replays what was held back")
    func halfOpen() async throws {
        try await GatewaySimulatorFixture.withSimulator { simulator in
            let (client, sessionID) = try await identified(simulator)
            simulator.perform(.halfOpen)
            simulator.dispatch(event: "MESSAGE_CREATE", data: ["id": "held"])
            try client.heartbeat(1)
            #expect(await client.next(timeout: .milliseconds(500)) == nil)
            #expect(!client.hasEnded)
            #expect(simulator.connections.first?.isOpen == true)
            #expect(simulator.heartbeats.isEmpty)

            let second = try await GatewaySimulatorTestClient.connect(to: GatewaySimulatorResumeTests.resumeConnectURL(simulator))
            _ = await second.next(op: 10)
            try second.resume(sessionID: sessionID, sequence: 1)
            let replayed = await second.next(op: 0)
            #expect(replayed?["d"] == ["id": "held"])
            #expect(await second.next(op: 0)?["t"] == "RESUMED")
        }
    }

    static let splitPayload: SimulatorJSON = [
        "id": "1500000000000000001", "content": .string(String(repeating: "貸し出し lending ", count: 400)), "embeds": [], "pinned": false,
    ]

    @Test("one dispatch split across several zlib-stream messages inflates to the original JSON") func zlibSplit() async throws {
        try await GatewaySimulatorFixture.withSimulator { simulator in
            let (client, _) = try await identified(simulator, compressed: true)
            let before = client.binaryMessageCount
            simulator.dispatch(event: "MESSAGE_CREATE", data: Self.splitPayload, delivery: .zlibMessages(count: 4))
            let payload = await client.next(op: 0)
            #expect(payload?["d"] == Self.splitPayload)
            #expect(client.binaryMessageCount - before == 4)
        }
    }

    @Test("one dispatch in continuation fragments with a ping between them reassembles; the client's pong is recorded",
          arguments: [false, true])
    func fragments(compressed: Bool) async throws {
        try await GatewaySimulatorFixture.withSimulator { simulator in
            let (client, _) = try await identified(simulator, compressed: compressed)
            simulator.dispatch(event: "MESSAGE_CREATE", data: Self.splitPayload, delivery: .fragments(count: 5, interleavingPing: true))
            #expect(await client.next(op: 0)?["d"] == Self.splitPayload)
            try await eventually("the pong", timeout: .seconds(20), polling: .milliseconds(5)) { simulator.connections.first?.pongCount == 1 }
        }
    }

    @Test("each dispatch written is reported once, by its sequence number and in order, whatever its framing; other payloads are not")
    func dispatchWrites() async throws {
        try await GatewaySimulatorFixture.withSimulator { simulator in
            let (client, _) = try await identified(simulator, compressed: true)
            let reported = Mutex<[Int]>([])
            simulator.observeDispatchWrites { sequences, _ in reported.withLock { $0 += sequences } }
            let sequences = [
                simulator.dispatch(event: "MESSAGE_CREATE", data: ["id": "1"]),
                simulator.dispatch(event: "MESSAGE_CREATE", data: Self.splitPayload, delivery: .zlibMessages(count: 4)),
                simulator.dispatch(event: "MESSAGE_CREATE", data: Self.splitPayload, delivery: .fragments(count: 3, interleavingPing: false)),
            ].compactMap { $0 }
            #expect(sequences.count == 3)
            simulator.perform(.requestHeartbeat)
            for _ in sequences { _ = await client.next(op: 0) }
            #expect(await client.next(op: 1) != nil)
            try await eventually("three writes reported", timeout: .seconds(20), polling: .milliseconds(5)) { reported.withLock { $0.count } >= 3 }
            #expect(reported.withLock { $0 } == sequences)
        }
    }

    @Test("a 3 MB GUILD_CREATE arrives whole", arguments: [false, true])
    func large(compressed: Bool) async throws {
        try await GatewaySimulatorFixture.withSimulator { simulator in
            let (client, _) = try await identified(simulator, compressed: compressed)
            // Few, large values: a debug-build JSON decoder is slow per value, not per byte.
            let members: [SimulatorJSON] = (0..<300).map { index in
                ["user": ["id": .string(String(1_700_000_000_000_000_000 + index)), "username": .string("member\(index)"),
                          "bio": .string("メンバー \(index) " + String(repeating: "lending-bot ", count: 900))],
                 "roles": ["1500000000000000001"], "joined_at": "2025-06-01T00:00:00.000000+00:00"]
            }
            let guild: SimulatorJSON = ["id": "1200000000000000001", "name": "Big guild", "members": .array(members)]
            #expect(guild.encoded().count > 3_000_000)
            simulator.dispatch(event: "GUILD_CREATE", data: guild)
            let payload = await client.next(op: 0, timeout: .seconds(30))
            #expect(payload?["t"] == "GUILD_CREATE")
            #expect(payload?["d"] == guild)
        }
    }
}
