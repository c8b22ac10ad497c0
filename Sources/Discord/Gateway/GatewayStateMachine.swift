import Foundation
public import WebSocket

/// The gateway session's decisions, without I/O or clocks, so it is tested as a pure value: it takes what happened on a
/// connection and returns what to do. `GatewaySession` performs the actions.
///
/// Heartbeat state belongs to one connection and is reset by every HELLO (docs/DISCORD.md#heartbeats). A
/// heartbeat due while the previous one is unacknowledged means the connection is dead: close with
/// 4000, which keeps the session resumable (docs/DISCORD.md#resume, #close-codes).
public struct GatewayStateMachine: Sendable {
    /// What the session sends on the socket.
    public enum Command: Sendable, Equatable {
        case identify
        case resume(sessionID: String, sequence: Int?)
        case heartbeat(sequence: Int?)
    }

    /// Where the next connection goes.
    public enum Plan: Sendable, Equatable {
        /// To the session's resume URL, then RESUME.
        case resume(url: String)
        /// To the gateway URL, then IDENTIFY, after `delay`.
        case identify(after: Duration)
    }

    public enum Action: Sendable, Equatable {
        case send(Command)
        case startHeartbeating(interval: Duration, firstAfter: Duration)
        /// Close the socket with this code; `closed()` then says where to reconnect.
        case close(CloseCode)
        case deliver(GatewayDispatch)
        /// READY or RESUMED: the session works again, so failure backoff starts over.
        case established(resumed: Bool)
        case connect(Plan)
        /// A fatal close: stop, and never reconnect.
        case stop(reason: String, code: CloseCode)
    }

    private struct Session: Sendable, Equatable {
        let id: String
        let resumeURL: String
    }

    private var session: Session?
    private(set) var sequence: Int?
    private var isResuming = false
    private var isAwaitingAck = false
    /// Set when we close the socket ourselves: how to reconnect once it is closed.
    private var pendingPlan: Plan?

    public init() {}

    public var hasSession: Bool { session != nil }

    /// A new connection is open; `isResuming` says whether it was opened to resume.
    public mutating func connectionOpened(resuming: Bool) {
        isResuming = resuming && session != nil
        isAwaitingAck = false
        pendingPlan = nil
    }

    /// Handles one decoded payload. `random` gives a number in 0..<1, for the first heartbeat's
    /// delay and the wait after an INVALID_SESSION; it is asked only then, since a draw from the
    /// system's generator is a syscall and nearly every payload is a dispatch that needs none.
    mutating func received(_ frame: GatewayFrame, bytes: [UInt8], random: () -> Double) -> [Action] {
        if let received = frame.sequence, frame.opcode == GatewayOpcode.dispatch.rawValue {
            sequence = max(sequence ?? 0, received)
        }
        switch GatewayOpcode(rawValue: frame.opcode) {
        case .hello:
            guard case .hello(let interval) = frame.content else { return [] }
            isAwaitingAck = false
            let start: Command = if isResuming, let session { .resume(sessionID: session.id, sequence: sequence) } else { .identify }
            return [.startHeartbeating(interval: interval, firstAfter: interval * random()), .send(start)]
        case .heartbeatAck:
            isAwaitingAck = false
            return []
        case .heartbeat:
            // The server asks for a beat now; it does not count as a missed ACK.
            return [.send(.heartbeat(sequence: sequence))]
        case .reconnect:
            return closeAndReconnect(code: CloseCode(rawValue: 4000), plan: resumeOrIdentify())
        case .invalidSession:
            guard case .invalidSession(let resumable) = frame.content else { return [] }
            if resumable, let session {
                return closeAndReconnect(code: CloseCode(rawValue: 4000), plan: .resume(url: session.resumeURL))
            }
            forgetSession()
            // The docs ask for a short random wait before identifying again.
            return closeAndReconnect(code: .normal, plan: .identify(after: .milliseconds(1000 + Int(random() * 4000))))
        case .dispatch:
            guard let name = frame.name, let number = frame.sequence else { return [] }
            var actions: [Action] = []
            if case .ready(let id, let url) = frame.content {
                session = Session(id: id, resumeURL: url)
                actions.append(.established(resumed: false))
            } else if name == "RESUMED" {
                actions.append(.established(resumed: true))
            }
            actions.append(.deliver(GatewayDispatch(sequence: number, name: name, payload: Data(bytes))))
            return actions
        default:
            return []
        }
    }

    /// The heartbeat timer fired for this connection.
    public mutating func heartbeatDue() -> [Action] {
        if isAwaitingAck {
            return closeAndReconnect(code: CloseCode(rawValue: 4000), plan: resumeOrIdentify())
        }
        isAwaitingAck = true
        return [.send(.heartbeat(sequence: sequence))]
    }

    /// A payload could not be inflated or decoded: the stream is unusable, the session may be fine.
    public mutating func corruptPayload() -> [Action] {
        closeAndReconnect(code: CloseCode(rawValue: 4000), plan: resumeOrIdentify())
    }

    /// The socket is gone, with the peer's close code if it sent one.
    public mutating func closed(code: CloseCode?) -> [Action] {
        isAwaitingAck = false
        if let plan = pendingPlan {
            pendingPlan = nil
            return [.connect(plan)]
        }
        guard let code else { return [.connect(resumeOrIdentify())] }
        switch code.gatewayDisposition {
        case .fatal(let reason):
            forgetSession()
            return [.stop(reason: reason, code: code)]
        case .identify:
            forgetSession()
            return [.connect(.identify(after: .zero))]
        case .resume:
            return [.connect(resumeOrIdentify())]
        }
    }

    private mutating func closeAndReconnect(code: CloseCode, plan: Plan) -> [Action] {
        pendingPlan = plan
        return [.close(code)]
    }

    private func resumeOrIdentify() -> Plan {
        session.map { .resume(url: $0.resumeURL) } ?? .identify(after: .zero)
    }

    private mutating func forgetSession() {
        session = nil
        sequence = nil
    }
}
