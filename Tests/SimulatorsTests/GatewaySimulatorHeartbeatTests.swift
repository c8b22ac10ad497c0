import BotTesting
import Clocks
import TestSupport
import DiscordSimulator
import Foundation
import SimulatorSupport
import Testing

@Suite("Gateway simulator heartbeat auditing") struct GatewaySimulatorHeartbeatTests {
    /// Discord's interval with a 1 s tolerance, judged on a manual clock: the test moves time, so
    /// the verdicts do not depend on how loaded the machine is.
    static var configuration: DiscordGatewaySimulator.Configuration {
        var configuration = DiscordGatewaySimulator.Configuration(botToken: GatewaySimulatorFixture.token)
        configuration.heartbeatTolerance = .seconds(1)
        return configuration
    }

    @Test("HELLO carries the configured interval; heartbeats on schedule with the last s are ACKed and pass") func onSchedule() async throws {
        try await GatewaySimulatorFixture.withSimulator(Self.configuration, clock: .manual()) { simulator in
            let client = try await GatewaySimulatorTestClient.connect(to: simulator.connectURL())
            let hello = await client.next(op: 10)
            #expect(hello?["d"]?["heartbeat_interval"] == 41_250)
            simulator.advance(by: .seconds(20))  // jitter: anywhere in [0, interval]
            try client.heartbeat(nil)  // jitter 0, before any dispatch: d is null
            #expect(await client.next(op: 11) != nil)
            try client.identify()
            _ = await client.next(op: 0)
            simulator.advance(by: .milliseconds(41_600))
            try client.heartbeat(1)
            #expect(await client.next(op: 11) != nil)
            let beats = simulator.heartbeats
            #expect(beats.map(\.kind) == [.first, .regular])
            #expect(beats.map(\.sequence) == [nil, 1])
            #expect(beats.map(\.expectedSequence) == [nil, 1])
            #expect(beats.map(\.isSequenceCorrect) == [true, true])
            #expect(beats.map(\.wasAcknowledged) == [true, true])
            #expect(beats.map(\.isOnTime) == [true, true], "\(beats.map(\.elapsed)), \(beats.map(\.sincePrevious))")
        }
    }

    @Test("a heartbeat with a d that is not the last s is recorded as wrong, and still ACKed") func wrongSequence() async throws {
        try await GatewaySimulatorFixture.withSimulator(Self.configuration, clock: .manual()) { simulator in
            let client = try await GatewaySimulatorTestClient.connect(to: simulator.connectURL())
            _ = try await client.identifiedReady()
            simulator.advance(by: .seconds(10))
            try client.heartbeat(7)
            #expect(await client.next(op: 11) != nil)
            let beat = try #require(simulator.heartbeats.first)
            #expect(beat.sequence == 7)
            #expect(beat.expectedSequence == 1)
            #expect(!beat.isSequenceCorrect)
        }
    }

    @Test("a first heartbeat after the interval is recorded as late") func late() async throws {
        try await GatewaySimulatorFixture.withSimulator(Self.configuration, clock: .manual()) { simulator in
            let client = try await GatewaySimulatorTestClient.connect(to: simulator.connectURL())
            _ = await client.next(op: 10)
            simulator.advance(by: .milliseconds(42_300))
            try client.heartbeat(nil)
            try await eventually("the first heartbeat", timeout: .seconds(20), polling: .milliseconds(5)) { simulator.heartbeats.count == 1 }
            let beat = try #require(simulator.heartbeats.first)
            #expect(beat.kind == .first)
            #expect(!beat.isOnTime)
            #expect(beat.elapsed == .milliseconds(42_300))
        }
    }

    @Test("a regular heartbeat far too early is recorded as not on time") func early() async throws {
        try await GatewaySimulatorFixture.withSimulator(Self.configuration, clock: .manual()) { simulator in
            let client = try await GatewaySimulatorTestClient.connect(to: simulator.connectURL())
            _ = await client.next(op: 10)
            try client.heartbeat(nil)
            _ = await client.next(op: 11)
            simulator.advance(by: .seconds(30))
            try client.heartbeat(nil)
            try await eventually("the second heartbeat", timeout: .seconds(20), polling: .milliseconds(5)) { simulator.heartbeats.count == 2 }
            #expect(simulator.heartbeats.last?.sincePrevious == .seconds(30))
            #expect(simulator.heartbeats.map(\.isOnTime) == [true, false])
        }
    }

    @Test("op 1 from the server is answered at once; the answer is recorded as requested") func requested() async throws {
        try await GatewaySimulatorFixture.withSimulator(Self.configuration, clock: .manual()) { simulator in
            let client = try await GatewaySimulatorTestClient.connect(to: simulator.connectURL())
            _ = try await client.identifiedReady()
            simulator.advance(by: .seconds(5))
            simulator.perform(.requestHeartbeat)
            let request = await client.next(op: 1)
            #expect(request?["d"] == .null)
            try client.heartbeat(1)
            #expect(await client.next(op: 11) != nil)
            let beat = try #require(simulator.heartbeats.first)
            #expect(beat.kind == .requested)
            #expect(beat.isOnTime && beat.isSequenceCorrect)
            #expect(beat.elapsed == .seconds(5))
        }
    }

    @Test("with ACKs dropped, heartbeats are recorded but never answered") func droppedACKs() async throws {
        try await GatewaySimulatorFixture.withSimulator(Self.configuration, clock: .manual()) { simulator in
            let client = try await GatewaySimulatorTestClient.connect(to: simulator.connectURL())
            _ = try await client.identifiedReady()
            simulator.perform(.dropHeartbeatACKs)
            try client.heartbeat(1)
            #expect(await client.next(op: 11, timeout: .milliseconds(500)) == nil)
            #expect(simulator.heartbeats.map(\.wasAcknowledged) == [false])
        }
    }
}
