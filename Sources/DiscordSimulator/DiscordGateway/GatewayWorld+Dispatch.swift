import Foundation
import SimulatorSupport
/// Sequenced dispatches and the scenarios a test triggers.
extension GatewayWorld {
    /// Gives the event the session's next `s`, keeps it for replay, and sends it if the session has
    /// a connection that is still talking. Returns the `s`, nil for an unknown or ended session.
    @discardableResult
    mutating func emit(event: String, data: SimulatorJSON, delivery: DispatchDelivery, in sessionID: String, at now: Date) -> Int? {
        emit(event: event, encodedData: Array(data.encoded()), delivery: delivery, in: sessionID, at: now)
    }

    /// `emit(event:data:...)` with `d` already serialised (`SimulatorJSON.encoded()` or equal bytes).
    @discardableResult
    mutating func emit(event: String, encodedData: [UInt8], delivery: DispatchDelivery, in sessionID: String, at now: Date) -> Int? {
        // The session is changed in place and never copied whole: a copy would copy its replay
        // buffer, making every event cost as much as all the events before it.
        guard sessions[sessionID]?.endedBecause == nil, let previous = sessions[sessionID]?.lastSequence else { return nil }
        let sequence = previous + 1
        let bytes = GatewayPayload.dispatch(event: event, sequence: sequence, encodedData: encodedData)
        sessions[sessionID]?.lastSequence = sequence
        sessions[sessionID]?.replay.append((sequence, bytes))
        if let id = sessions[sessionID]?.connectionID, live[id]?.isClosing == false, live[id]?.sessionID == sessionID {
            send(.dispatch(bytes, delivery, sequence: sequence), to: id)
            live[id]?.sentSequences.append((sequence, now))
        }
        return sequence
    }

    /// The session a dispatch without an explicit one goes to: the newest that has not ended.
    var currentSessionID: String? {
        sessionOrder.last { sessions[$0]?.endedBecause == nil }
    }

    mutating func perform(_ scenario: GatewayScenario, on id: Int, at now: Date) {
        guard let connection = live[id], !connection.isClosing else { return }
        switch scenario {
        case .dropHeartbeatACKs:
            live[id]?.dropsACKs = true
        case .requestHeartbeat:
            live[id]?.heartbeatRequestedAt = now
            send(.payload(GatewayPayload.heartbeatRequest, .whole), to: id)
        case .reconnect:
            send(.payload(GatewayPayload.reconnect, .whole), to: id)
        case .invalidSession(let resumable):
            send(.payload(GatewayPayload.invalidSession(resumable: resumable), .whole), to: id)
            if !resumable, let sessionID = connection.sessionID { endSession(sessionID, because: "op 9 false") }
        case .close(let code):
            close(id, code, at: now)
        case .dropTCP:
            send(.dropTCP, to: id)
            live[id]?.isClosing = true
            detach(connection: id, at: now)
        case .halfOpen:
            // Discord does not know the connection is dead: the session stays attached (so its
            // resume window does not start) and dispatches only enter the replay buffer.
            send(.halfOpen, to: id)
            live[id]?.isClosing = true
        }
    }
}
