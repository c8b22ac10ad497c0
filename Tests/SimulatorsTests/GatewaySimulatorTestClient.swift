import BotTesting
import Clocks
import Discord
import DiscordSimulator
import Foundation
import Logging
import SimulatorSupport
import Synchronization
import WebSocket

/// The project's `WebSocketClient` with what a gateway test needs on top: payloads as JSON, a
/// `ZlibStreamInflater` per compressed connection (as the bot must keep one), and reads with a
/// timeout so that a simulator that stays silent fails a test instead of hanging it.
///
/// A task drains `events` into `state`; readers take from there in order.
final class GatewaySimulatorTestClient: Sendable {
    struct State {
        /// Text messages, and compressed messages once inflated; pings and pongs are not kept.
        var payloads: [SimulatorJSON] = []
        var nextPayload = 0
        var close: (code: CloseCode?, reason: String)?
        /// How the event stream ended: nil while open, `.success` or the error it threw.
        var ending: Result<Void, any Error>?
        var binaryMessageCount = 0
        var pingCount = 0
    }

    let socket: WebSocketClient
    let state: Mutex<State>

    private init(socket: WebSocketClient) {
        self.socket = socket
        state = Mutex(State())
    }

    /// Drains `socket.events` into `state` until the stream ends.
    private func pump(inflater: ZlibStreamInflater?) async {
        do {
            for try await event in socket.events {
                switch event {
                case .text(let text):
                    state.withLock { $0.payloads.append(SimulatorJSON(parsing: Data(text.utf8)) ?? .string(text)) }
                case .binary(let bytes):
                    state.withLock { $0.binaryMessageCount += 1 }
                    if let inflater, let payload = try inflater.push(bytes) {
                        state.withLock { $0.payloads.append(SimulatorJSON(parsing: Data(payload)) ?? .null) }
                    }
                case .ping: state.withLock { $0.pingCount += 1 }
                case .pong: break
                case .close(let code, let reason): state.withLock { $0.close = (code, reason) }
                }
            }
            state.withLock { $0.ending = .success(()) }
        } catch {
            state.withLock { $0.ending = .failure(error) }
        }
    }

    /// Connects to `url`; compressed when the query asks for `zlib-stream`.
    static func connect(to url: URL) async throws -> GatewaySimulatorTestClient {
        let socket = try await WebSocketClient.connect(to: url, logger: Logger(label: "tests.gateway-client"))
        let client = GatewaySimulatorTestClient(socket: socket)
        let inflater = url.query?.contains("compress=zlib-stream") == true ? try ZlibStreamInflater() : nil
        Task { await client.pump(inflater: inflater) }
        return client
    }

    var binaryMessageCount: Int { state.withLock { $0.binaryMessageCount } }
    var pingCount: Int { state.withLock { $0.pingCount } }
    var payloadCount: Int { state.withLock { $0.payloads.count } }
    var hasEnded: Bool { state.withLock { $0.ending != nil } }

    func send(_ payload: SimulatorJSON) throws {
        try socket.send(.text(String(decoding: payload.encoded(), as: UTF8.self)))
    }

    func sendText(_ text: String) throws {
        try socket.send(.text(text))
    }

    /// The next payload, or nil if none arrives within `timeout`.
    func next(timeout: Duration = .seconds(30)) async -> SimulatorJSON? {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            let payload: SimulatorJSON? = state.withLock { state in
                guard state.nextPayload < state.payloads.count else { return nil }
                defer { state.nextPayload += 1 }
                return state.payloads[state.nextPayload]
            }
            if let payload { return payload }
            try? await Task.sleep(for: .milliseconds(5))
        }
        return nil
    }

    /// The next payload with `op`, skipping others (heartbeat ACKs, for instance).
    func next(op: Int, timeout: Duration = .seconds(30)) async -> SimulatorJSON? {
        let deadline = ContinuousClock.now + timeout
        while let payload = await next(timeout: deadline - ContinuousClock.now) {
            if payload["op"]?.intValue == op { return payload }
        }
        return nil
    }

    /// Waits for the event stream to end; returns the server's close (if any) and how it ended.
    func ending(timeout: Duration = .seconds(30)) async -> (close: (code: CloseCode?, reason: String)?, ending: Result<Void, any Error>?) {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            let snapshot = state.withLock { ($0.close, $0.ending) }
            if snapshot.1 != nil { return snapshot }
            try? await Task.sleep(for: .milliseconds(5))
        }
        return state.withLock { ($0.close, $0.ending) }
    }

    func identify(token: String = GatewaySimulatorFixture.token, intents: Int = 0, shard: [Int]? = nil) throws {
        var data: [String: SimulatorJSON] = [
            "token": .string(token), "intents": .integer(Int64(intents)),
            "properties": ["os": "linux", "browser": "lending-bot", "device": "lending-bot"],
        ]
        if let shard { data["shard"] = .array(shard.map { .integer(Int64($0)) }) }
        try send(["op": 2, "d": .object(data)])
    }

    func heartbeat(_ sequence: Int?) throws {
        try send(["op": 1, "d": sequence.map { .integer(Int64($0)) } ?? .null])
    }

    func resume(sessionID: String, sequence: Int, token: String = GatewaySimulatorFixture.token) throws {
        try send(["op": 6, "d": ["token": .string(token), "session_id": .string(sessionID), "seq": .integer(Int64(sequence))]])
    }

    /// Reads HELLO, identifies, and returns READY.
    func identifiedReady(intents: Int = 0) async throws -> SimulatorJSON {
        guard await next(op: 10) != nil else { throw GatewayTestFailure("no HELLO") }
        try identify(intents: intents)
        guard let ready = await next(op: 0), ready["t"] == "READY" else { throw GatewayTestFailure("no READY") }
        return ready
    }
}

extension Optional where Wrapped == Result<Void, any Error> {
    /// The stream ended without an error (after a close handshake).
    var isSuccess: Bool {
        if case .success = self { return true }
        return false
    }

    /// The stream ended with a `WebSocketError` of kind `.closed` and no close code: TCP ended.
    var endedWithoutCloseFrame: Bool {
        guard case .failure(let error) = self, let error = error as? WebSocketError else { return false }
        return error.kind == .closed(code: nil, reason: "")
    }
}
