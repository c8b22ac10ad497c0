import BotTesting
import Clocks
import DiscordSimulator
import Foundation
import SimulatorSupport
import Testing

@Suite("REST simulator fault injection") struct RESTSimulatorFaultTests {
    let path = "/channels/\(RESTSimulatorFixture.channelID)/messages"

    @Test("an injected 500 does nothing, and the next request goes through") func serverError() async throws {
        try await RESTSimulatorFixture.withSimulator { simulator, client in
            simulator.injectFault(.status(500, body: .json), on: .createMessage)
            let failed = try await client.send("POST", path, json: ["content": "hi"])
            #expect(failed.status == 500)
            #expect(failed.json == ["message": "500: Internal Server Error", "code": 0])
            #expect(simulator.sentMessages(in: RESTSimulatorFixture.channelID).isEmpty)
            #expect(try await client.send("POST", path, json: ["content": "hi"]).status == 200)
            #expect(simulator.requests.map(\.status) == [500, 200])
        }
    }

    @Test("an injected 502 is Cloudflare HTML") func badGateway() async throws {
        try await RESTSimulatorFixture.withSimulator { simulator, client in
            simulator.injectFault(.status(502, body: .html), on: .getGatewayBot)
            let failed = try await client.send("GET", "/gateway/bot")
            #expect(failed.status == 502)
            #expect(failed.header("content-type")?.hasPrefix("text/html") == true)
            #expect(failed.header("Via") == nil)
        }
    }

    @Test("a slow response outlasts the client's timeout, but the message was still sent") func slowResponse() async throws {
        try await RESTSimulatorFixture.withSimulator(clock: .adjustable()) { simulator, client in
            // The answer comes far later than the client waits, so an error here can only be the
            // client's own timeout; no wall-clock bound is asserted, which a loaded machine could miss.
            simulator.injectFault(.slowResponse(delay: .seconds(60)), on: .createMessage)
            var impatient = client
            impatient.timeout = 1
            await #expect(throws: (any Error).self) {
                _ = try await impatient.send("POST", path, json: ["content": "hi"])
            }
            // The simulator acts before it waits; on a loaded machine the request may reach it late.
            for _ in 0..<30 where simulator.sentMessages(in: RESTSimulatorFixture.channelID).isEmpty {
                try await Task.sleep(for: .milliseconds(100))
            }
            #expect(simulator.sentMessages(in: RESTSimulatorFixture.channelID).count == 1)
        }
    }

    @Test("a reset mid-body fails the client after the work was done") func resetMidBody() async throws {
        try await RESTSimulatorFixture.withSimulator { simulator, client async throws in
            simulator.injectFault(.resetMidBody(afterBytes: 10), on: .createMessage)
            await #expect(throws: (any Error).self) {
                _ = try await client.send("POST", path, json: ["content": "hi"])
            }
            #expect(simulator.sentMessages(in: RESTSimulatorFixture.channelID).count == 1)
            #expect(try await client.send("POST", path, json: ["content": "again"]).status == 200)
        }
    }
}
