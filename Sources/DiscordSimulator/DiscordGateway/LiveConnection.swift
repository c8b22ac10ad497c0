import Foundation
/// The gateway's per-connection protocol state, kept in `GatewayWorld` while the connection is open.
struct LiveConnection {
    /// What the connection may do: before IDENTIFY/RESUME only heartbeats (anything else is 4003);
    /// after, everything but a second IDENTIFY/RESUME (4005).
    enum Phase: Equatable {
        case awaitingAuthentication
        case authenticated(sessionID: String)
    }

    let id: Int
    let port: GatewayConnectionRecord.Port
    let outbox: ConnectionOutbox
    var rawQuery = ""
    var helloAt: Date?
    var phase: Phase = .awaitingAuthentication
    /// Arrival times of recent messages, for the 120-per-60-s limit.
    var messageTimes: [Date] = []
    var dropsACKs = false
    /// When the server's op 1 went out, until the heartbeat that answers it.
    var heartbeatRequestedAt: Date?
    var lastRegularHeartbeatAt: Date?
    /// The `s` a heartbeat should carry before anything was sent here: nil, or the RESUME's `seq`.
    var baselineSequence: Int?
    /// `s` values sent on this connection with when they went out (for the in-flight allowance).
    var sentSequences: [(sequence: Int, at: Date)] = []
    /// Indices in `heartbeats` of beats that arrived before authentication, judged at RESUME.
    var heartbeatsBeforeAuthentication: [Int] = []
    /// True once the server closed, dropped or froze the connection: input is ignored and nothing
    /// more is sent.
    var isClosing = false

    var sessionID: String? {
        if case .authenticated(let id) = phase { return id }
        return nil
    }

    var lastSentSequence: Int? { sentSequences.last?.sequence ?? baselineSequence }

    /// Whether `sequence` is an acceptable heartbeat `d` at `now`: the last `s` sent, or one that was
    /// the last less than `tolerance` ago.
    func acceptsHeartbeatSequence(_ sequence: Int?, at now: Date, tolerance: Duration) -> Bool {
        if sequence == lastSentSequence { return true }
        var previous = baselineSequence
        for sent in sentSequences {
            if previous == sequence && now - sent.at <= tolerance { return true }
            previous = sent.sequence
        }
        return false
    }
}
