import Foundation
import SimulatorSupport
import WebSocket

/// Everything the simulated gateway knows: sessions, open connections and the records tests read.
///
/// Invariant: lives behind the simulator's mutex; each client message, scenario and dispatch is
/// judged and applied in one critical section, and what it sends is appended to the connection's
/// outbox inside that section, so the order of `s` on the wire is the order of the replay buffer.
struct GatewayWorld {
    let configuration: DiscordGatewaySimulator.Configuration
    /// READY's `resume_gateway_url`: the resume listener, without a query (the client adds its own).
    var resumeURL = ""
    var connections: [GatewayConnectionRecord] = []
    var live: [Int: LiveConnection] = [:]
    var sessions: [String: SimulatedSession] = [:]
    /// Session ids, oldest first; `dispatch` without a session goes to the newest that is not ended.
    var sessionOrder: [String] = []
    var payloads: [GatewayReceivedPayload] = []
    var heartbeats: [HeartbeatRecord] = []
    var identifies: [IdentifyRecord] = []
    var resumes: [ResumeRecord] = []
    var closesSent: [GatewayCloseRecord] = []
    var closesReceived: [GatewayCloseRecord] = []
    /// Successful IDENTIFY times per bucket `shard_id % max_concurrency`.
    var identifyTimes: [Int: [Date]] = [:]
    var sessionStarts = 0
    var sessionStartsRemaining: Int
    var snowflakes = SnowflakeGenerator()

    init(configuration: DiscordGatewaySimulator.Configuration) {
        self.configuration = configuration
        sessionStartsRemaining = configuration.sessionStartsRemaining
    }

    // MARK: Connection lifecycle (called from the connection's thread)

    mutating func accepted(port: GatewayConnectionRecord.Port, outbox: ConnectionOutbox) -> Int {
        let id = connections.count + 1
        connections.append(GatewayConnectionRecord(id: id, port: port))
        live[id] = LiveConnection(id: id, port: port, outbox: outbox)
        return id
    }

    mutating func handshake(_ request: UpgradeRequest?, status: Int, compressed: Bool, on id: Int) {
        if let request {
            connections[id - 1].path = request.path
            connections[id - 1].query = request.query
            connections[id - 1].rawQuery = request.rawQuery
            live[id]?.rawQuery = request.rawQuery
        }
        connections[id - 1].handshakeStatus = status
        connections[id - 1].isCompressed = compressed
    }

    /// HELLO is about to be written, in the same `send` as the 101.
    mutating func helloSent(on id: Int, at now: Date) {
        live[id]?.helloAt = now
    }

    mutating func pongReceived(on id: Int) {
        connections[id - 1].pongCount += 1
    }

    mutating func closeReceived(code: CloseCode?, reason: String, on id: Int, at now: Date) {
        closesReceived.append(GatewayCloseRecord(connectionID: id, code: code, reason: reason))
        // 1000 and 1001 from the client end the session (docs/DISCORD.md#close-codes); other codes keep it
        // resumable. An echo of the server's own close is no decision of the client's.
        if let connection = live[id], !connection.isClosing, let sessionID = connection.sessionID, code == .normal || code == .goingAway {
            endSession(sessionID, because: "the client closed with \(code.map { String($0.rawValue) } ?? "")")
        }
        live[id]?.isClosing = true
        detach(connection: id, at: now)
    }

    mutating func ended(_ id: Int, ending: GatewayConnectionRecord.Ending, at now: Date) {
        if connections[id - 1].ending == nil { connections[id - 1].ending = ending }
        detach(connection: id, at: now)
        live[id] = nil
    }

    // MARK: Client messages

    /// Judges one text or binary message, in Discord's order: rate limit, decoding, opcode,
    /// authentication state, then the opcode's own rules.
    mutating func received(_ bytes: [UInt8], on id: Int, at now: Date) {
        guard var connection = live[id], !connection.isClosing else { return }
        let elapsed = connection.helloAt.map { now - $0 } ?? .zero
        connection.messageTimes.append(now)
        connection.messageTimes.removeAll { now - $0 > configuration.sendLimitWindow }
        live[id] = connection
        let json = SimulatorJSON(parsing: Data(bytes))
        let op = json?["op"]?.intValue
        payloads.append(GatewayReceivedPayload(connectionID: id, elapsed: elapsed, op: op, data: json?["d"], byteCount: bytes.count))
        if connection.messageTimes.count > configuration.sendLimit {
            return close(id, GatewayCloseCode.rateLimited, at: now)
        }
        guard bytes.count <= configuration.maximumPayloadSize else { return close(id, GatewayCloseCode.decodeError, at: now) }
        guard let json, json.objectValue != nil, let op else { return close(id, GatewayCloseCode.decodeError, at: now) }
        guard GatewayOpcode.clientOpcodes.contains(op) else { return close(id, GatewayCloseCode.unknownOpcode, at: now) }
        let data = json["d"] ?? .null
        switch op {
        case GatewayOpcode.heartbeat: heartbeat(data, on: id, at: now)
        case GatewayOpcode.identify: identify(data, on: id, at: now)
        case GatewayOpcode.resume: resume(data, on: id, at: now)
        default:
            // Presence, voice state, member and soundboard requests are accepted and only recorded.
            if connection.sessionID == nil { close(id, GatewayCloseCode.notAuthenticated, at: now) }
        }
    }

    // MARK: Sending

    mutating func send(_ item: OutboundItem, to id: Int) {
        live[id]?.outbox.append(item)
    }

    /// Sends a close frame with Discord's reason and stops listening to the connection.
    mutating func close(_ id: Int, _ code: CloseCode, reason: String? = nil, at now: Date) {
        guard let connection = live[id], !connection.isClosing else { return }
        let reason = reason ?? GatewayCloseCode.reason(for: code)
        closesSent.append(GatewayCloseRecord(connectionID: id, code: code, reason: reason))
        send(.close(code, reason: reason), to: id)
        live[id]?.isClosing = true
        if let sessionID = connection.sessionID, GatewayCloseCode.endsSession(code) {
            endSession(sessionID, because: "the server closed with \(code.rawValue)")
        }
        detach(connection: id, at: now)
    }

    mutating func endSession(_ sessionID: String, because reason: String) {
        guard sessions[sessionID]?.endedBecause == nil else { return }
        sessions[sessionID]?.endedBecause = reason
    }

    /// The session stops sending to the connection; its resume window starts now.
    mutating func detach(connection id: Int, at now: Date) {
        guard let sessionID = live[id]?.sessionID, sessions[sessionID]?.connectionID == id else { return }
        sessions[sessionID]?.connectionID = nil
        sessions[sessionID]?.detachedAt = now
    }

    /// The newest open connection that completed the handshake and is not closing.
    var latestLiveConnectionID: Int? {
        live.values.filter { !$0.isClosing && $0.helloAt != nil }.map(\.id).max()
    }
}
