import BotTesting
import Clocks
@testable import Discord
import DiscordSimulator
import SimulatorSupport
import Testing
import WebSocket

/// The gateway session with its clock and the simulator's both manual: the test moves time, the
/// session heartbeats and paces its IDENTIFYs by it, and the simulator judges every beat and every
/// IDENTIFY on the same time. Nothing here depends on how fast the machine is.
@Suite("The gateway session on a manual clock", .serialized)
struct GatewaySessionClockTests {
    /// Discord's own figures: a 41.25 s interval judged with a 1 s tolerance, 5 s between IDENTIFYs.
    static let configuration = DiscordGatewaySimulator.Configuration(botToken: GatewaySimulatorFixture.token)

    /// Runs a session on `clock` against a simulator on a manual clock of its own, kept in step.
    static func withManualTime(slowConsumer: Duration? = nil,
                               _ body: (GatewaySessionTests.Running, _ step: () async throws -> Duration) async throws -> Void) async throws {
        let clock = ManualClock()
        try await GatewaySessionTests.withSession(configuration, slowConsumer: slowConsumer, simulatorClock: .manual(),
                                                  sessionClock: BotClock(clock), identifyInterval: .seconds(5)) { running in
            /// Waits until the session sleeps on its clock, then moves both clocks to its deadline:
            /// the simulator's first, so that what the session sends on waking is judged at that time.
            func step() async throws -> Duration {
                try await running.waitFor("the session to wait on its clock") { clock.sleeperCount == 1 }
                guard let deadline = clock.nextDeadline else { throw GatewayTestFailure("nothing sleeps on the clock") }
                let moved = clock.now.duration(to: deadline)
                running.simulator.advance(by: moved)
                clock.advance(to: deadline)
                return moved
            }
            try await body(running, step)
        }
    }

    @Test("heartbeats keep the schedule HELLO set, to the millisecond, and each is acknowledged")
    func heartbeatSchedule() async throws {
        try await Self.withManualTime { running, step in
            try await running.waitFor("READY") { await running.received.names.contains("READY") }
            var waits: [Duration] = []
            for beat in 1...3 {
                waits.append(try await step())
                try await running.waitFor("heartbeat \(beat)") { running.simulator.heartbeats.count == beat }
                try await running.waitFor("its ACK") { running.session.acknowledgedHeartbeats == beat }
            }
            let beats = running.simulator.heartbeats
            #expect(beats.map(\.kind) == [.first, .regular, .regular])
            #expect(waits[0] <= Self.configuration.heartbeatInterval, "the first beat comes within one interval (jitter)")
            #expect(Array(waits.dropFirst()) == [Self.configuration.heartbeatInterval, Self.configuration.heartbeatInterval])
            #expect(beats.dropFirst().allSatisfy { $0.sincePrevious == Self.configuration.heartbeatInterval }, "\(beats)")
            #expect(beats.allSatisfy { $0.isOnTime && $0.isSequenceCorrect && $0.wasAcknowledged }, "\(beats)")
            // The ACK came back while the clock stood still.
            #expect(running.session.heartbeatLatency == .zero)
            #expect(running.simulator.connections.count == 1)
        }
    }

    @Test("an unacknowledged heartbeat is found dead at the next beat, not before; the session closes with 4000 and resumes")
    func missedAcknowledgement() async throws {
        try await Self.withManualTime { running, step in
            try await running.waitFor("READY") { await running.received.names.contains("READY") }
            running.simulator.perform(.dropHeartbeatACKs)
            _ = try await step()
            try await running.waitFor("the unanswered heartbeat") { running.simulator.heartbeats.count == 1 }
            // Until the next beat is due the connection stands: only a due beat can find the ACK missing.
            #expect(running.simulator.closesReceived.isEmpty)
            #expect(running.simulator.resumes.isEmpty)
            let waited = try await step()
            #expect(waited == Self.configuration.heartbeatInterval)
            try await running.waitFor("the resume") { running.simulator.resumes.count == 1 }
            #expect(running.simulator.closesReceived.contains { $0.code?.rawValue == 4000 })
            #expect(running.simulator.identifies.count == 1)
            #expect(running.session.acknowledgedHeartbeats == 0)
        }
    }

    @Test("after op 9 false the new IDENTIFY waits out the 5 s since the last one, which the simulator accepts")
    func identifyPacing() async throws {
        try await Self.withManualTime { running, step in
            try await running.waitFor("READY") { await running.received.names.contains("READY") }
            running.simulator.perform(.invalidSession(resumable: false))
            try await running.waitFor("the first connection to end") { running.reconnects.all == [false] }
            #expect(running.session.disconnectedFor == .zero, "without a connection since now, on the session's clock")
            // The heartbeat timer died with the connection; the only sleeper now is the wait before
            // the next IDENTIFY, and while the clock stands still no IDENTIFY goes out.
            let waited = try await step()
            #expect(waited >= .seconds(5), "IDENTIFYs 5 s apart: waited \(waited)")
            try await running.waitFor("a second READY") { await running.received.count(named: "READY") == 2 }
            try await running.waitFor("the session to count itself connected") { running.session.disconnectedFor == nil }
            #expect(running.simulator.identifies.count == 2)
            #expect(running.simulator.resumes.isEmpty)
        }
    }
}
