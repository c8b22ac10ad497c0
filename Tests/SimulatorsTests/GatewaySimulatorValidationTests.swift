import BotTesting
import TestSupport
import DiscordSimulator
import Foundation
import SimulatorSupport
import Testing
import WebSocket

@Suite("Gateway simulator validation of client payloads") struct GatewaySimulatorValidationTests {
    /// A client misbehaviour and the close code Discord answers it with.
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let code: UInt16
        let identifyFirst: Bool
        let act: @Sendable (GatewaySimulatorTestClient) throws -> Void
        var testDescription: String { "\(code) \(name)" }
    }

    static let cases: [Case] = [
        Case(name: "unknown opcode", code: 4001, identifyFirst: true) { try $0.send(["op": 99, "d": nil]) },
        Case(name: "payload over 4096 bytes", code: 4002, identifyFirst: true) {
            try $0.send(["op": 3, "d": ["status": .string(String(repeating: "x", count: 4100))]])
        },
        Case(name: "not JSON", code: 4002, identifyFirst: false) { try $0.sendText("hello") },
        Case(name: "JSON without op", code: 4002, identifyFirst: false) { try $0.send(["d": nil]) },
        Case(name: "presence update before IDENTIFY", code: 4003, identifyFirst: false) {
            try $0.send(["op": 3, "d": ["since": nil, "activities": [], "status": "online", "afk": false]])
        },
        Case(name: "wrong token", code: 4004, identifyFirst: false) { try $0.identify(token: "not.the.token") },
        Case(name: "second IDENTIFY", code: 4005, identifyFirst: true) { try $0.identify() },
        Case(name: "more than 120 payloads in 60 s", code: 4008, identifyFirst: false) { client in
            for _ in 0...120 { try client.heartbeat(nil) }
        },
        Case(name: "shard id not below the shard count", code: 4010, identifyFirst: false) { try $0.identify(shard: [1, 1]) },
        Case(name: "undocumented intent bit", code: 4013, identifyFirst: false) { try $0.identify(intents: 1 << 30) },
        Case(name: "privileged intent not enabled (GUILD_MEMBERS)", code: 4014, identifyFirst: false) { try $0.identify(intents: 1 << 1) },
    ]

    @Test("each violation closes the connection with Discord's code and reason", arguments: cases)
    func violation(_ violation: Case) async throws {
        try await GatewaySimulatorFixture.withSimulator { simulator in
            let client = try await GatewaySimulatorTestClient.connect(to: simulator.connectURL())
            if violation.identifyFirst {
                _ = try await client.identifiedReady()
            } else {
                _ = await client.next(op: 10)
            }
            try violation.act(client)
            let (close, _) = await client.ending()
            let code = CloseCode(rawValue: violation.code)
            #expect(close?.code == code)
            #expect(close?.reason == GatewayCloseCode.reason(for: code))
            #expect(simulator.closesSent.map(\.code) == [code])
            // The client echoed the close (RFC 6455 §5.5.1), and the simulator saw it.
            try await eventually("the client's close with \(code)", timeout: .seconds(20), polling: .milliseconds(5)) { simulator.closesReceived.map(\.code) == [code] }
        }
    }

    @Test("a rejected IDENTIFY is recorded with its close code, and no session starts") func identifyRecord() async throws {
        try await GatewaySimulatorFixture.withSimulator { simulator in
            let client = try await GatewaySimulatorTestClient.connect(to: simulator.connectURL())
            _ = await client.next(op: 10)
            try client.identify(intents: 1 << 15)
            _ = await client.ending()
            #expect(simulator.identifies.map(\.outcome) == [.closed(GatewayCloseCode.disallowedIntents)])
            #expect(simulator.sessionStartCount == 0)
        }
    }

    @Test("an enabled privileged intent is accepted") func enabledPrivilegedIntent() async throws {
        var configuration = DiscordGatewaySimulator.Configuration(botToken: GatewaySimulatorFixture.token)
        configuration.enabledPrivilegedIntents = 1 << 1
        try await GatewaySimulatorFixture.withSimulator(configuration) { simulator in
            let client = try await GatewaySimulatorTestClient.connect(to: simulator.connectURL())
            _ = try await client.identifiedReady(intents: 1 << 1 | 1 << 9)
            #expect(simulator.sessionStartCount == 1)
        }
    }

    @Test("every payload is recorded per connection with its op and d") func payloadRecords() async throws {
        try await GatewaySimulatorFixture.withSimulator { simulator in
            let client = try await GatewaySimulatorTestClient.connect(to: simulator.connectURL())
            _ = try await client.identifiedReady()
            try client.heartbeat(1)
            _ = await client.next(op: 11)
            let payloads = simulator.payloads(on: 1)
            #expect(payloads.map(\.op) == [2, 1])
            #expect(payloads.last?.data == 1)
            #expect(payloads.first?.data?["properties"]?["os"] == "linux")
        }
    }

    @Test("an unmasked client frame is a protocol error (1002)") func unmasked() async throws {
        try await GatewaySimulatorFixture.withSimulator { simulator in
            let client = try GatewaySimulatorRawClient(port: UInt16(simulator.gatewayURL.port!))
            client.write(GatewaySimulatorRawClient.upgradeRequest(query: "v=10&encoding=json"))
            _ = client.readOnce()
            client.write(FrameEncoder.encode(Frame(opcode: .text, payload: Array("{\"op\":1,\"d\":null}".utf8)), maskingKey: nil))
            try await eventually("the simulator's protocol-error close", timeout: .seconds(20), polling: .milliseconds(5)) { simulator.closesSent.map(\.code) == [.protocolError] }
        }
    }
}
