import BotTesting
import Clocks
import DiscordSimulator
import Foundation
import SimulatorSupport
import Testing

@Suite("Gateway simulator IDENTIFY and READY") struct GatewaySimulatorIdentifyTests {
    @Test("IDENTIFY gets READY with s 1 and a resume URL on another port of the simulator") func ready() async throws {
        try await GatewaySimulatorFixture.withSimulator { simulator in
            let client = try await GatewaySimulatorTestClient.connect(to: simulator.connectURL())
            let ready = try await client.identifiedReady()
            #expect(ready["s"] == 1)
            #expect(ready["op"] == 0)
            let data = try #require(ready["d"])
            let resumeURL = try #require(data["resume_gateway_url"]?.stringValue.flatMap(URL.init(string:)))
            #expect(resumeURL.host == "127.0.0.1")
            #expect(resumeURL.port != simulator.gatewayURL.port)
            #expect(resumeURL == simulator.resumeURL)
            #expect(data["session_id"]?.stringValue == simulator.sessionIDs.first)
            #expect(data["user"]?["id"] == "1100000000000000001")
            #expect(data["user"]?["bot"] == true)
            #expect(data["application"]?["id"] == "1100000000000000001")
            #expect(data["guilds"] == [["id": "1200000000000000001", "unavailable": true]])
            #expect(simulator.sessionStartCount == 1)
            #expect(simulator.identifies.first?.outcome == .ready(sessionID: simulator.sessionIDs[0]))
            #expect(simulator.identifies.first?.intents == 0)
        }
    }

    @Test("with the GUILDS intent each guild follows READY as GUILD_CREATE, and dispatches count up from there") func sequence() async throws {
        try await GatewaySimulatorFixture.withSimulator { simulator in
            let client = try await GatewaySimulatorTestClient.connect(to: simulator.connectURL())
            _ = try await client.identifiedReady(intents: 1)
            let guild = await client.next(op: 0)
            #expect(guild?["t"] == "GUILD_CREATE")
            #expect(guild?["s"] == 2)
            #expect(simulator.dispatch(event: "MESSAGE_CREATE", data: ["id": "1"]) == 3)
            #expect(simulator.dispatch(event: "MESSAGE_CREATE", data: ["id": "2"]) == 4)
            let first = await client.next(op: 0)
            let second = await client.next(op: 0)
            #expect(first?["s"] == 3)
            #expect(first?["d"] == ["id": "1"])
            #expect(second?["s"] == 4)
            #expect(simulator.lastSequence(in: simulator.sessionIDs[0]) == 4)
        }
    }

    @Test("a second IDENTIFY inside the 5 s window of max_concurrency 1 gets op 9 false") func pacing() async throws {
        // The window is judged on a stopped clock: on a loaded machine real time could pass it.
        try await GatewaySimulatorFixture.withSimulator(clock: .manual()) { simulator in
            let first = try await GatewaySimulatorTestClient.connect(to: simulator.connectURL())
            _ = try await first.identifiedReady()
            let second = try await GatewaySimulatorTestClient.connect(to: simulator.connectURL())
            _ = await second.next(op: 10)
            try second.identify()
            let invalid = await second.next(op: 9)
            #expect(invalid?["d"] == false)
            #expect(simulator.sessionStartCount == 1)
            guard case .invalidSession = simulator.identifies.last?.outcome else {
                Issue.record("expected op 9, got \(String(describing: simulator.identifies.last?.outcome))")
                return
            }
        }
    }

    @Test("IDENTIFY after the window has passed starts another session") func pacingWindowPasses() async throws {
        try await GatewaySimulatorFixture.withSimulator(clock: .manual()) { simulator in
            _ = try await GatewaySimulatorTestClient.connect(to: simulator.connectURL()).identifiedReady()
            simulator.advance(by: .seconds(5))
            _ = try await GatewaySimulatorTestClient.connect(to: simulator.connectURL()).identifiedReady()
            #expect(simulator.sessionStartCount == 2)
            #expect(Set(simulator.sessionIDs).count == 2)
        }
    }
}
