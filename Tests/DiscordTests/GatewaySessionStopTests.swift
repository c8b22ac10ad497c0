@testable import Discord
import DiscordSimulator
import Foundation
import Testing
import WebSocket

@Suite("Stopping the gateway session", .serialized)
struct GatewaySessionStopTests {
    @Test("stop(closingWith: 4000) sends the close frame, ends run() without reconnecting, and leaves the session resumable")
    func resumableStop() async throws {
        try await GatewaySessionTests.withSession { running in
            try await running.waitFor("READY") { await running.received.names.contains("READY") }
            running.session.stop(closingWith: CloseCode(rawValue: 4000))
            let outcome = await running.task.value
            #expect((try? outcome.get()) != nil)
            #expect(running.simulator.closesReceived.map { $0.code?.rawValue } == [4000])
            #expect(running.simulator.connections.count == 1, "no reconnect after a stop")
            let session = try #require(running.simulator.sessionIDs.last)
            #expect(running.simulator.isResumable(session) == true)
        }
    }

    @Test("stop(closingWith: 1000) ends the session")
    func finalStop() async throws {
        try await GatewaySessionTests.withSession { running in
            try await running.waitFor("READY") { await running.received.names.contains("READY") }
            running.session.stop()
            _ = await running.task.value
            #expect(running.simulator.closesReceived.map { $0.code?.rawValue } == [1000])
        }
    }
}
