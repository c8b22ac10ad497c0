import BotTesting
import TestSupport
import DiscordSimulator
import Foundation
import SimulatorSupport
import Testing
import WebSocket

@Suite("Gateway simulator RESUME") struct GatewaySimulatorResumeTests {
    static func resumeConnectURL(_ simulator: DiscordGatewaySimulator, compressed: Bool = false) -> URL {
        URL(string: simulator.resumeURL.absoluteString + "/?v=10&encoding=json" + (compressed ? "&compress=zlib-stream" : ""))!
    }

    @Test("RESUME on the resume port replays the missed dispatches in order, then RESUMED") func replay() async throws {
        try await GatewaySimulatorFixture.withSimulator { simulator in
            let first = try await GatewaySimulatorTestClient.connect(to: simulator.connectURL())
            let ready = try await first.identifiedReady()
            let sessionID = try #require(ready["d"]?["session_id"]?.stringValue)
            simulator.dispatch(event: "MESSAGE_CREATE", data: ["id": "a"])
            #expect(await first.next(op: 0)?["s"] == 2)
            first.socket.abort()
            try await eventually("the client to disconnect", timeout: .seconds(20), polling: .milliseconds(5)) { simulator.connections.first?.ending == .clientDisconnected }
            simulator.dispatch(event: "MESSAGE_CREATE", data: ["id": "b"])
            simulator.dispatch(event: "MESSAGE_UPDATE", data: ["id": "c"])

            let second = try await GatewaySimulatorTestClient.connect(to: Self.resumeConnectURL(simulator))
            _ = await second.next(op: 10)
            try second.resume(sessionID: sessionID, sequence: 2)
            var received: [SimulatorJSON] = []
            for _ in 0..<3 { if let payload = await second.next(op: 0) { received.append(payload) } }
            #expect(received.map { $0["s"] } == [3, 4, 5])
            #expect(received.map { $0["t"] } == ["MESSAGE_CREATE", "MESSAGE_UPDATE", "RESUMED"])
            #expect(received.first?["d"] == ["id": "b"])
            let record = try #require(simulator.resumes.first)
            #expect(record.outcome == .resumed(replayed: [3, 4], resumedSequence: 5))
            #expect(record.port == .resume)
            #expect(record.queryMatchesOriginal == true)
            // The session continues on the new connection.
            #expect(simulator.dispatch(event: "MESSAGE_DELETE", data: ["id": "d"]) == 6)
            #expect(await second.next(op: 0)?["s"] == 6)
            #expect(simulator.sessionStartCount == 1)
        }
    }

    @Test("a heartbeat sent between HELLO and RESUME is judged against the RESUME's seq") func heartbeatBeforeResume() async throws {
        try await GatewaySimulatorFixture.withSimulator { simulator in
            let first = try await GatewaySimulatorTestClient.connect(to: simulator.connectURL())
            let sessionID = try #require(try await first.identifiedReady()["d"]?["session_id"]?.stringValue)
            first.socket.abort()
            let second = try await GatewaySimulatorTestClient.connect(to: Self.resumeConnectURL(simulator))
            _ = await second.next(op: 10)
            try second.heartbeat(1)
            _ = await second.next(op: 11)
            try second.resume(sessionID: sessionID, sequence: 1)
            #expect(await second.next(op: 0)?["t"] == "RESUMED")
            let beat = try #require(simulator.heartbeats.first)
            #expect(beat.expectedSequence == 1)
            #expect(beat.isSequenceCorrect)
        }
    }

    @Test("RESUME with an unknown session gets op 9 false") func unknownSession() async throws {
        try await GatewaySimulatorFixture.withSimulator { simulator in
            let client = try await GatewaySimulatorTestClient.connect(to: Self.resumeConnectURL(simulator))
            _ = await client.next(op: 10)
            try client.resume(sessionID: "0123456789abcdef0123456789abcdef", sequence: 3)
            #expect(await client.next(op: 9)?["d"] == false)
            #expect(simulator.resumes.map(\.outcome) == [.invalidSession(reason: "unknown session")])
        }
    }

    @Test("RESUME on the gateway port instead of resume_gateway_url gets op 9 false") func wrongPort() async throws {
        try await GatewaySimulatorFixture.withSimulator { simulator in
            let first = try await GatewaySimulatorTestClient.connect(to: simulator.connectURL())
            let sessionID = try #require(try await first.identifiedReady()["d"]?["session_id"]?.stringValue)
            first.socket.close(GatewayCloseCode.unknownError)
            _ = await first.ending()
            let second = try await GatewaySimulatorTestClient.connect(to: simulator.connectURL())
            _ = await second.next(op: 10)
            try second.resume(sessionID: sessionID, sequence: 1)
            #expect(await second.next(op: 9)?["d"] == false)
            #expect(simulator.resumes.first?.port == .gateway)
        }
    }

    @Test("RESUME of an expired session, or one the client closed with 1000, gets op 9 false", arguments: [true, false])
    func endedSession(expired: Bool) async throws {
        try await GatewaySimulatorFixture.withSimulator { simulator in
            let first = try await GatewaySimulatorTestClient.connect(to: simulator.connectURL())
            let sessionID = try #require(try await first.identifiedReady()["d"]?["session_id"]?.stringValue)
            if expired {
                first.socket.abort()
                simulator.expireSession(sessionID)
            } else {
                first.socket.close(.normal)
                _ = await first.ending()
            }
            try await eventually("the session to stop being resumable", timeout: .seconds(20), polling: .milliseconds(5)) { simulator.isResumable(sessionID) == false }
            let second = try await GatewaySimulatorTestClient.connect(to: Self.resumeConnectURL(simulator))
            _ = await second.next(op: 10)
            try second.resume(sessionID: sessionID, sequence: 1)
            #expect(await second.next(op: 9)?["d"] == false)
        }
    }

    @Test("RESUME with a seq the session never sent is closed with 4007") func futureSequence() async throws {
        try await GatewaySimulatorFixture.withSimulator { simulator in
            let first = try await GatewaySimulatorTestClient.connect(to: simulator.connectURL())
            let sessionID = try #require(try await first.identifiedReady()["d"]?["session_id"]?.stringValue)
            first.socket.abort()
            let second = try await GatewaySimulatorTestClient.connect(to: Self.resumeConnectURL(simulator))
            _ = await second.next(op: 10)
            try second.resume(sessionID: sessionID, sequence: 9)
            #expect(await second.ending().close?.code == GatewayCloseCode.invalidSequence)
            #expect(simulator.isResumable(sessionID) == false)
        }
    }
}
