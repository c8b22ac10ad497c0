import Foundation
import Secrets
import Testing
import WebSocket
@testable import Discord

@Suite("The gateway session's decisions")
struct GatewayStateMachineTests {
    static func frame(_ json: String) throws -> (GatewayFrame, [UInt8]) {
        let bytes = Array(json.utf8)
        return (try GatewayFrame.read(bytes), bytes)
    }

    static let hello = #"{"op":10,"d":{"heartbeat_interval":41250},"s":null,"t":null}"#
    static let ready = #"{"op":0,"s":1,"t":"READY","d":{"v":10,"session_id":"abc","resume_gateway_url":"wss://resume.example","user":{"id":"1"}}}"#
    static let interaction = #"{"op":0,"s":2,"t":"INTERACTION_CREATE","d":{"id":"5"}}"#

    func feed(_ machine: inout GatewayStateMachine, _ json: String, random: Double = 0.5) throws -> [GatewayStateMachine.Action] {
        let (frame, bytes) = try Self.frame(json)
        return machine.received(frame, bytes: bytes, random: { random })
    }

    @Test("HELLO starts heartbeating after a jittered first delay, then IDENTIFY")
    func helloIdentify() throws {
        var machine = GatewayStateMachine()
        machine.connectionOpened(resuming: false)
        let actions = try feed(&machine, Self.hello, random: 0.25)
        #expect(actions == [.startHeartbeating(interval: .milliseconds(41250), firstAfter: .milliseconds(41250) * 0.25), .send(.identify)])
    }

    /// A draw from the system's generator is a syscall; the gateway hands the machine a payload
    /// for every event, nearly all of them dispatches that need no random number.
    @Test("a random number is asked for a HELLO and an INVALID_SESSION that identifies again, never for a dispatch or an ACK")
    func randomOnlyWhenUsed() throws {
        var machine = GatewayStateMachine()
        machine.connectionOpened(resuming: false)
        var draws = 0
        func feedCounting(_ json: String) throws {
            let (frame, bytes) = try Self.frame(json)
            _ = machine.received(frame, bytes: bytes, random: { draws += 1; return 0.5 })
        }
        try feedCounting(Self.hello)
        #expect(draws == 1)
        try feedCounting(Self.ready)
        try feedCounting(Self.interaction)
        try feedCounting(#"{"op":11,"d":null,"s":null,"t":null}"#)
        #expect(draws == 1)
        try feedCounting(#"{"op":9,"d":false}"#)
        #expect(draws == 2)
    }

    @Test("a HELLO with a huge heartbeat interval is cut to five minutes instead of stalling or trapping")
    func hugeHeartbeatInterval() throws {
        var machine = GatewayStateMachine()
        machine.connectionOpened(resuming: false)
        let actions = try feed(&machine, #"{"op":10,"d":{"heartbeat_interval":9223372036854775807},"s":null,"t":null}"#, random: 0.5)
        #expect(actions.first == .startHeartbeating(interval: .seconds(300), firstAfter: .seconds(150)))
    }

    @Test("READY stores the session; dispatches carry sequences; heartbeats send the last one")
    func readyAndSequence() throws {
        var machine = GatewayStateMachine()
        machine.connectionOpened(resuming: false)
        _ = try feed(&machine, Self.hello)
        let ready = try feed(&machine, Self.ready)
        #expect(ready.first == .established(resumed: false))
        #expect(machine.hasSession)
        let dispatch = try feed(&machine, Self.interaction)
        guard case .deliver(let event) = dispatch.first else {
            Issue.record("expected a dispatch, got \(dispatch)")
            return
        }
        #expect(event.sequence == 2 && event.name == "INTERACTION_CREATE")
        #expect(machine.heartbeatDue() == [.send(.heartbeat(sequence: 2))])
    }

    @Test("a heartbeat due before the previous one was acknowledged closes with 4000 and resumes")
    func zombie() throws {
        var machine = GatewayStateMachine()
        machine.connectionOpened(resuming: false)
        _ = try feed(&machine, Self.hello)
        _ = try feed(&machine, Self.ready)
        #expect(machine.heartbeatDue() == [.send(.heartbeat(sequence: 1))])
        #expect(machine.heartbeatDue() == [.close(CloseCode(rawValue: 4000))])
        #expect(machine.closed(code: CloseCode(rawValue: 4000)) == [.connect(.resume(url: "wss://resume.example"))])
        // The new connection resumes after its HELLO, with the last sequence.
        machine.connectionOpened(resuming: true)
        let actions = try feed(&machine, Self.hello)
        #expect(actions.last == .send(.resume(sessionID: "abc", sequence: 1)))
    }

    @Test("an acknowledged heartbeat keeps the connection; op 1 asks for a beat at once without counting as missed")
    func acknowledged() throws {
        var machine = GatewayStateMachine()
        machine.connectionOpened(resuming: false)
        _ = try feed(&machine, Self.hello)
        _ = machine.heartbeatDue()
        _ = try feed(&machine, #"{"op":11,"d":null}"#)
        #expect(try feed(&machine, #"{"op":1,"d":null}"#) == [.send(.heartbeat(sequence: nil))])
        #expect(machine.heartbeatDue() == [.send(.heartbeat(sequence: nil))])
    }

    @Test("op 7 closes with 4000 and resumes; op 9 true resumes; op 9 false identifies after 1–5 s")
    func reconnectAndInvalidSession() throws {
        var machine = GatewayStateMachine()
        machine.connectionOpened(resuming: false)
        _ = try feed(&machine, Self.hello)
        _ = try feed(&machine, Self.ready)
        #expect(try feed(&machine, #"{"op":7,"d":null}"#) == [.close(CloseCode(rawValue: 4000))])
        #expect(machine.closed(code: nil) == [.connect(.resume(url: "wss://resume.example"))])

        machine.connectionOpened(resuming: true)
        #expect(try feed(&machine, #"{"op":9,"d":true}"#) == [.close(CloseCode(rawValue: 4000))])
        #expect(machine.closed(code: CloseCode(rawValue: 4000)) == [.connect(.resume(url: "wss://resume.example"))])

        machine.connectionOpened(resuming: true)
        #expect(try feed(&machine, #"{"op":9,"d":false}"#, random: 0.5) == [.close(.normal)])
        #expect(machine.closed(code: .normal) == [.connect(.identify(after: .milliseconds(3000)))])
        #expect(!machine.hasSession)
    }

    @Test("close codes decide: fatal ones stop, 4007 and 4009 identify, others resume", arguments: [
        (4000, "resume"), (4001, "resume"), (4002, "resume"), (4003, "resume"), (4005, "resume"), (4008, "resume"),
        (1000, "resume"), (1001, "resume"), (4007, "identify"), (4009, "identify"),
        (4004, "stop"), (4010, "stop"), (4011, "stop"), (4012, "stop"), (4013, "stop"), (4014, "stop"),
    ])
    func closeCodes(code: Int, outcome: String) throws {
        var machine = GatewayStateMachine()
        machine.connectionOpened(resuming: false)
        _ = try feed(&machine, Self.hello)
        _ = try feed(&machine, Self.ready)
        let actions = machine.closed(code: CloseCode(rawValue: UInt16(code)))
        switch (outcome, actions.first) {
        case ("resume", .connect(.resume(let url))?): #expect(url == "wss://resume.example")
        case ("identify", .connect(.identify)?): #expect(!machine.hasSession)
        case ("stop", .stop(let reason, let closeCode)?): #expect(closeCode.rawValue == code && !reason.isEmpty)
        default: Issue.record("close \(code): expected \(outcome), got \(actions)")
        }
    }

    @Test("a TCP drop before any session identifies again")
    func dropWithoutSession() {
        var machine = GatewayStateMachine()
        machine.connectionOpened(resuming: false)
        #expect(machine.closed(code: nil) == [.connect(.identify(after: .zero))])
    }

    @Test("HELLO on a new connection resets the heartbeat state of the old one")
    func helloResets() throws {
        var machine = GatewayStateMachine()
        machine.connectionOpened(resuming: false)
        _ = try feed(&machine, Self.hello)
        _ = machine.heartbeatDue()  // unacknowledged on the old connection
        _ = machine.closed(code: nil)
        machine.connectionOpened(resuming: false)
        _ = try feed(&machine, Self.hello)
        #expect(machine.heartbeatDue() == [.send(.heartbeat(sequence: nil))])
    }
}

@Suite("Gateway pacing: backoff, send limit, URLs")
struct GatewayPacingTests {
    @Test("backoff is zero after success, then doubles with jitter up to the cap")
    func backoff() {
        var backoff = GatewayBackoff(cap: .seconds(64))
        #expect(backoff.delay(random: 0.9) == .zero)
        var delays: [Duration] = []
        for _ in 0..<9 {
            backoff.recordFailure()
            delays.append(backoff.delay(random: 0.5))
        }
        #expect(delays == [1, 2, 4, 8, 16, 32, 64, 64, 64].map { Duration.seconds($0) })
        backoff.recordFailure()
        #expect(backoff.delay(random: 0) == .seconds(32))
        #expect(backoff.delay(random: 0.999) < .seconds(96))
        backoff.recordSuccess()
        #expect(backoff.delay(random: 0.5) == .zero)
    }

    @Test("ordinary sends leave room for heartbeats within 120 per 60 s")
    func sendLimit() {
        var limiter = GatewaySendLimiter(heartbeatInterval: .milliseconds(41250))
        let start = Duration.seconds(1_000)
        // 60 s / 41.25 s rounds up to 2 beats, plus one: 117 ordinary sends fit in a window.
        let slots = (0..<118).map { _ in limiter.reserve(at: start) }
        #expect(slots.prefix(117).allSatisfy { $0 == start })
        #expect(slots.last == start + .seconds(60))
    }

    @Test("connection URLs carry the query once and no double slash", arguments: [
        ("wss://gateway.discord.gg", "wss://gateway.discord.gg/?v=10&encoding=json&compress=zlib-stream"),
        ("wss://gateway.discord.gg/", "wss://gateway.discord.gg/?v=10&encoding=json&compress=zlib-stream"),
        ("wss://resume.discord.gg/?v=10&encoding=json", "wss://resume.discord.gg/?v=10&encoding=json&compress=zlib-stream"),
        ("ws://127.0.0.1:9000", "ws://127.0.0.1:9000/?v=10&encoding=json&compress=zlib-stream"),
    ])
    func urls(base: String, expected: String) {
        #expect(GatewaySession.connectionURL(base, compressed: true)?.absoluteString == expected)
    }

    @Test("an https URL is not a gateway URL")
    func badScheme() {
        #expect(GatewaySession.connectionURL("https://discord.com", compressed: false) == nil)
    }

    @Test("IDENTIFY, RESUME and HEARTBEAT payloads are what Discord expects, and fit in 4096 bytes")
    func commands() throws {
        let encoder = GatewayCommandEncoder(token: .init("bot-token"), intents: 1)
        let identify = try JSONSerialization.jsonObject(with: Data(encoder.encode(.identify).utf8)) as? [String: Any]
        let data = identify?["d"] as? [String: Any]
        #expect(identify?["op"] as? Int == 2)
        #expect(data?["token"] as? String == "bot-token")
        #expect(data?["intents"] as? Int == 1)
        #expect((data?["properties"] as? [String: String])?["os"] == "linux")
        let empty = try JSONSerialization.jsonObject(with: Data(encoder.encode(.heartbeat(sequence: nil)).utf8)) as? [String: Any]
        #expect(empty?["op"] as? Int == 1 && empty?["d"] is NSNull)
        let numbered = try JSONSerialization.jsonObject(with: Data(encoder.encode(.heartbeat(sequence: 42)).utf8)) as? [String: Any]
        #expect(numbered?["d"] as? Int == 42)
        let resume = encoder.encode(.resume(sessionID: "abc", sequence: nil))
        #expect(resume.contains(#""seq":null"#) && resume.contains(#""op":6"#))
        #expect(encoder.encode(.identify).utf8.count <= 4096)
    }
}
