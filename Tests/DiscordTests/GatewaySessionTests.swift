import BotTesting
import Clocks
import TestSupport
@testable import Discord
import DiscordSimulator
import Foundation
import Logging
import Secrets
import SimulatorSupport
import Synchronization
import Testing
import WebSocket

/// The gateway session against the gateway simulator, over the real WebSocket client with
/// zlib-stream, in real time with a short heartbeat interval.
@Suite("The gateway session", .serialized)
struct GatewaySessionTests {
    /// Collects dispatches as the application would.
    actor Received {
        private(set) var dispatches: [GatewayDispatch] = []
        func append(_ dispatch: GatewayDispatch) { dispatches.append(dispatch) }
        var names: [String] { dispatches.map(\.name) }
        func count(named name: String) -> Int { dispatches.filter { $0.name == name }.count }
    }

    /// What `onReconnect` was told, in order: true for a resume, false for a new IDENTIFY.
    final class ReconnectLog: Sendable {
        private let plans = Mutex<[Bool]>([])
        func append(_ resuming: Bool) { plans.withLock { $0.append(resuming) } }
        var all: [Bool] { plans.withLock { $0 } }
    }

    struct Running {
        let session: GatewaySession
        let simulator: DiscordGatewaySimulator
        let received: Received
        let reconnects: ReconnectLog
        /// What `onEstablished` was told: false for READY, true for RESUMED.
        let establishments: ReconnectLog
        let task: Task<Result<Void, GatewayError>, Never>

        func waitFor(_ description: String, timeout: Duration = .seconds(60), _ condition: @Sendable () async -> Bool) async throws {
            try await eventually(description, timeout: timeout, condition)
        }
    }

    /// Discord's own 41.25 s heartbeat: in real time no test here lasts that long, so a beat (and
    /// an ACK a loaded machine could process late, which the session rightly takes for a dead
    /// connection) never gets in the way of what a test watches. Heartbeats are tested on manual
    /// time (`GatewaySessionClockTests`), where the test moves the clock; the zombie test asks for
    /// a short interval on purpose.
    static func simulatorConfiguration(heartbeat: Duration = .milliseconds(41_250)) -> DiscordGatewaySimulator.Configuration {
        DiscordGatewaySimulator.Configuration(
            botToken: GatewaySimulatorFixture.token, heartbeatInterval: heartbeat, heartbeatTolerance: .seconds(2),
            identifyWindow: .milliseconds(200)
        )
    }

    /// Starts a simulator and a session against it, runs `body`, then stops both.
    static func withSession(
        _ simulatorConfiguration: DiscordGatewaySimulator.Configuration = simulatorConfiguration(),
        token: String = GatewaySimulatorFixture.token,
        slowConsumer: Duration? = nil,
        simulatorClock: BotClock = .adjustable(),
        sessionClock: BotClock = .system,
        identifyInterval: Duration = .milliseconds(250),
        _ body: (Running) async throws -> Void
    ) async throws {
        try await GatewaySimulatorFixture.withSimulator(simulatorConfiguration, clock: simulatorClock) { simulator in
            let gatewayURL = simulator.gatewayURL.absoluteString
            var configuration = GatewaySession.Configuration(token: Secret(token)) { gatewayURL }
            configuration.identifyInterval = identifyInterval
            configuration.clock = sessionClock
            let reconnects = ReconnectLog()
            configuration.onReconnect = { reconnects.append($0) }
            let establishments = ReconnectLog()
            configuration.onEstablished = { establishments.append($0) }
            let session = GatewaySession(configuration: configuration, logger: Logger(label: "test.gateway"))
            let received = Received()
            let consumer = Task {
                for await dispatch in session.dispatches {
                    if let slowConsumer { try? await Task.sleep(for: slowConsumer) }
                    await received.append(dispatch)
                }
            }
            let task = Task { () -> Result<Void, GatewayError> in
                do throws(GatewayError) {
                    try await session.run()
                    return .success(())
                } catch {
                    return .failure(error)
                }
            }
            let running = Running(session: session, simulator: simulator, received: received, reconnects: reconnects, establishments: establishments, task: task)
            do {
                try await body(running)
            } catch {
                task.cancel()
                _ = await task.value
                consumer.cancel()
                throw error
            }
            task.cancel()
            _ = await task.value
            await consumer.value
        }
    }

    @Test("identifies with the token and GUILDS over zlib-stream, gets READY, and heartbeats with the right sequence, acknowledged")
    func identifyAndHeartbeat() async throws {
        // On manual time: in real time a loaded machine can hold an ACK past the next beat, and the
        // session then rightly reconnects, which is not what this test is about.
        try await GatewaySessionClockTests.withManualTime { running, step in
            try await running.waitFor("READY") { await running.received.names.contains("READY") }
            for beat in 1...2 {
                _ = try await step()
                try await running.waitFor("heartbeat \(beat) and its ACK") {
                    running.simulator.heartbeats.count == beat && running.session.acknowledgedHeartbeats == beat
                }
            }
            #expect(running.simulator.connections.count == 1, "closes sent \(running.simulator.closesSent), received \(running.simulator.closesReceived), connections \(running.simulator.connections)")
            let connection = try #require(running.simulator.connections.first)
            #expect(connection.query["v"] == "10" && connection.query["encoding"] == "json" && connection.query["compress"] == "zlib-stream")
            let identify = try #require(running.simulator.identifies.first)
            #expect(identify.intents == 1)
            #expect(identify.data["token"]?.stringValue == GatewaySimulatorFixture.token)
            for beat in running.simulator.heartbeats {
                #expect(beat.isSequenceCorrect, "\(beat)")
            }
        }
    }

    @Test("op 1 from the server gets a heartbeat at once")
    func requestedHeartbeat() async throws {
        try await Self.withSession(Self.simulatorConfiguration(heartbeat: .seconds(30))) { running in
            try await running.waitFor("READY") { await running.received.names.contains("READY") }
            running.simulator.perform(.requestHeartbeat)
            try await running.waitFor("a requested heartbeat", timeout: .seconds(30)) { running.simulator.heartbeats.contains { $0.kind == .requested } }
        }
    }

    @Test("op 7, op 9 true, a server 4000 and a TCP drop resume; 4007, 4009 and op 9 false start a new session", arguments: [
        (GatewayScenario.reconnect, "resume"),
        (.invalidSession(resumable: true), "resume"),
        (.close(CloseCode(rawValue: 4000)), "resume"),
        (.dropTCP, "resume"),
        (.close(CloseCode(rawValue: 4007)), "identify"),
        (.close(CloseCode(rawValue: 4009)), "identify"),
        (.invalidSession(resumable: false), "identify"),
    ])
    func reconnects(scenario: GatewayScenario, outcome: String) async throws {
        try await Self.withSession { running in
            try await running.waitFor("READY") { await running.received.names.contains("READY") }
            running.simulator.perform(scenario)
            if outcome == "resume" {
                try await running.waitFor("RESUMED") { await running.received.names.contains("RESUMED") }
                #expect(running.simulator.identifies.count == 1)
                #expect(running.reconnects.all == [true], "onReconnect told of one resume")
                #expect(running.establishments.all == [false, true], "onEstablished told of READY, then RESUMED")
            } else {
                try await running.waitFor("a second READY", timeout: .seconds(60)) { await running.received.count(named: "READY") == 2 }
                #expect(running.simulator.resumes.isEmpty)
                #expect(running.reconnects.all == [false], "onReconnect told of one new IDENTIFY")
                #expect(running.establishments.all == [false, false], "onEstablished told of two READYs")
            }
        }
    }

    @Test("fatal closes end the session with an error naming the cause, and nothing reconnects", arguments: [4004, 4010, 4011, 4012, 4013, 4014])
    func fatalClose(code: Int) async throws {
        try await Self.withSession { running in
            try await running.waitFor("READY") { await running.received.names.contains("READY") }
            running.simulator.perform(.close(CloseCode(rawValue: UInt16(code))))
            let result = await running.task.value
            guard case .failure(let error) = result else {
                Issue.record("expected the session to stop, got \(result)")
                return
            }
            #expect(error.kind == .fatalClose(CloseCode(rawValue: UInt16(code))))
            #expect(!error.reason.isEmpty)
            try await Task.sleep(for: .milliseconds(300))
            #expect(running.simulator.connections.count == 1)
        }
    }

    @Test("a wrong token stops the session with 4004 after one attempt")
    func wrongToken() async throws {
        try await Self.withSession(token: "wrong.token") { running in
            let result = await running.task.value
            guard case .failure(let error) = result else {
                Issue.record("expected the session to stop, got \(result)")
                return
            }
            #expect(error.kind == .fatalClose(CloseCode(rawValue: 4004)))
            #expect(error.description.contains("DISCORD_TOKEN"))
            #expect(!error.description.contains("wrong.token"))
            #expect(running.simulator.connections.count == 1)
        }
    }

    @Test("no event lost: 1000 dispatches through 5 dropped connections arrive exactly once, in order")
    func noEventLost() async throws {
        try await Self.withSession { running in
            try await running.waitFor("READY") { await running.received.names.contains("READY") }
            var generator = SystemRandomNumberGenerator()
            let drops = Set((0..<5).map { _ in Int.random(in: 1..<1000, using: &generator) })
            var dropped = 0
            for index in 1...1000 {
                running.simulator.dispatch(event: "TEST_EVENT", data: .object(["index": .integer(Int64(index))]))
                if drops.contains(index) {
                    // Drop while events may still be in flight, then keep dispatching only once the
                    // session is back, so each of the drops hits a live connection.
                    running.simulator.perform(.dropTCP)
                    dropped += 1
                    let expected = dropped
                    try await running.waitFor("resume \(expected)") { running.simulator.resumes.count == expected }
                }
            }
            try await running.waitFor("1000 events", timeout: .seconds(30)) { await running.received.count(named: "TEST_EVENT") == 1000 }
            struct Event: Decodable { let index: Int }
            let indexes = try await running.received.dispatches.filter { $0.name == "TEST_EVENT" }.map { try $0.decode(Event.self).index }
            #expect(indexes == Array(1...1000))
            #expect(running.simulator.resumes.count == drops.count)
            #expect(running.simulator.resumes.allSatisfy { if case .resumed = $0.outcome { true } else { false } })
            #expect(running.simulator.identifies.count == 1)
        }
    }

    @Test("a slow consumer does not delay heartbeats")
    func slowConsumer() async throws {
        try await GatewaySessionClockTests.withManualTime(slowConsumer: .milliseconds(200)) { running, step in
            try await running.waitFor("READY") { await running.received.names.contains("READY") }
            for index in 0..<30 {
                running.simulator.dispatch(event: "TEST_EVENT", data: .object(["index": .integer(Int64(index))]))
            }
            // The consumer needs 6 s of real time for its backlog; meanwhile two beats fall due and
            // go out, acknowledged, on a connection that stays up.
            for beat in 1...2 {
                _ = try await step()
                try await running.waitFor("heartbeat \(beat) and its ACK") {
                    running.simulator.heartbeats.count == beat && running.session.acknowledgedHeartbeats == beat
                }
            }
            #expect(await running.received.count(named: "TEST_EVENT") < 30, "the consumer is still behind")
            let beats = running.simulator.heartbeats
            #expect(beats.allSatisfy { $0.isOnTime }, "\(beats)")
            // The first beat may go out while dispatches are still on the wire; the second follows
            // the first ACK, which came after all of them on the same stream, so it names the last.
            #expect(beats.last?.isSequenceCorrect == true, "\(beats)")
            #expect(running.simulator.connections.count == 1)
        }
    }

    @Test("an interaction split across zlib messages and fragments arrives whole and decodes")
    func interactionDelivery() async throws {
        try await Self.withSession { running in
            try await running.waitFor("READY") { await running.received.names.contains("READY") }
            let interaction = running.simulator.makeCommandInteraction(name: "mcserver", options: [.subcommand("checkout", [.string("version", "1.21.4")])])
            running.simulator.dispatchInteraction(interaction, delivery: .zlibMessages(count: 4))
            running.simulator.dispatchInteraction(running.simulator.makeComponentInteraction(customID: "approve:12"), delivery: .fragments(count: 3, interleavingPing: true))
            try await running.waitFor("two interactions") { await running.received.count(named: "INTERACTION_CREATE") == 2 }
            let decoded = try await running.received.dispatches.filter { $0.name == "INTERACTION_CREATE" }.map { try $0.decode(Interaction.self) }
            #expect(decoded.first?.type == .applicationCommand)
            #expect(decoded.last?.type == .messageComponent)
        }
    }

    actor Counter {
        private(set) var value = 0
        func increment() { value += 1 }
    }

    @Test("a resume URL that keeps failing is given up for a fresh IDENTIFY on the main gateway")
    func unreachableResumeURL() async throws {
        try await GatewaySimulatorFixture.withSimulator(Self.simulatorConfiguration()) { simulator in
            let gatewayURL = simulator.gatewayURL.absoluteString
            let identifyAttempts = Counter()
            var configuration = GatewaySession.Configuration(token: Secret(GatewaySimulatorFixture.token)) {
                await identifyAttempts.increment()
                return gatewayURL
            }
            configuration.identifyInterval = .milliseconds(100)
            configuration.backoffCap = .milliseconds(500)
            let session = GatewaySession(configuration: configuration, logger: Logger(label: "test.gateway"))
            let runner = Task { try await session.run() }
            for await dispatch in session.dispatches where dispatch.name == "READY" { break }
            // Everything goes away: resumes fail, and after three of them the session asks for the
            // gateway URL again to identify.
            await simulator.stop()
            // The #expect below judges it; a timeout here only ends the wait.
            try? await eventually("a second IDENTIFY", timeout: .seconds(15), polling: .milliseconds(50)) { await identifyAttempts.value >= 2 }
            runner.cancel()
            _ = await runner.result
            #expect(await identifyAttempts.value >= 2)
        }
    }
}
