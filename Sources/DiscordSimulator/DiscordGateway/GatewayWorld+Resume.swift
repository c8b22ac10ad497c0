import Foundation
import SimulatorSupport
import WebSocket

/// RESUME (op 6): only on the resume port, only for a live session and a `seq` it has sent;
/// replays every later dispatch in order, then RESUMED (docs/DISCORD.md#resume).
extension GatewayWorld {
    mutating func resume(_ data: SimulatorJSON, on id: Int, at now: Date) {
        guard let connection = live[id] else { return }
        let sessionID = data["session_id"]?.stringValue
        let sequence = data["seq"]?.intValue
        let original = sessionID.flatMap { sessions[$0]?.rawQuery }
        func record(_ outcome: ResumeRecord.Outcome) {
            resumes.append(ResumeRecord(connectionID: id, port: connection.port, sessionID: sessionID, sequence: sequence,
                                        queryMatchesOriginal: original.map { $0 == connection.rawQuery }, outcome: outcome))
        }
        func reject(_ code: CloseCode) {
            record(.closed(code))
            close(id, code, at: now)
        }
        func invalidate(_ reason: String) {
            record(.invalidSession(reason: reason))
            send(.payload(GatewayPayload.invalidSession(resumable: false), .whole), to: id)
        }
        guard connection.sessionID == nil else { return reject(GatewayCloseCode.alreadyAuthenticated) }
        guard let token = data["token"]?.stringValue, let sessionID, let sequence else { return reject(GatewayCloseCode.decodeError) }
        guard token == configuration.botToken else { return reject(GatewayCloseCode.authenticationFailed) }
        guard connection.port == .resume else { return invalidate("RESUME on the gateway port, not resume_gateway_url") }
        guard let session = sessions[sessionID] else { return invalidate("unknown session") }
        if let reason = session.endedBecause { return invalidate("session ended: \(reason)") }
        if let detachedAt = session.detachedAt, now - detachedAt > configuration.resumeWindow {
            endSession(sessionID, because: "expired")
            return invalidate("session expired")
        }
        guard sequence <= session.lastSequence, sequence >= 0 else {
            endSession(sessionID, because: "RESUME with seq \(sequence) past \(session.lastSequence)")
            return reject(GatewayCloseCode.invalidSequence)
        }

        // A zombie connection still holding the session stops receiving; the new one takes over.
        if let previous = session.connectionID, previous != id {
            live[previous]?.phase = .awaitingAuthentication
        }
        attach(session: sessionID, to: id)
        live[id]?.baselineSequence = sequence
        judgeHeartbeatsBeforeResume(on: id, resumedFrom: sequence)
        let missed = session.replay.filter { $0.sequence > sequence }
        for entry in missed {
            send(.payload(entry.bytes, .whole), to: id)
            live[id]?.sentSequences.append((entry.sequence, now))
        }
        let resumedSequence = emit(event: "RESUMED", data: ["_trace": ["gateway-simulator"]], delivery: .whole, in: sessionID, at: now)
        record(.resumed(replayed: missed.map(\.sequence), resumedSequence: resumedSequence ?? 0))
    }
}
