import Foundation
import SimulatorSupport
/// The heartbeat auditor: records every op 1 with its timing and sequence verdicts (see
/// `HeartbeatRecord`), and ACKs it unless the scenario withholds ACKs.
extension GatewayWorld {
    mutating func heartbeat(_ data: SimulatorJSON, on id: Int, at now: Date) {
        guard var connection = live[id], let helloAt = connection.helloAt else { return }
        guard data.isNull || data.intValue != nil else { return close(id, GatewayCloseCode.decodeError, at: now) }
        let sequence = data.intValue
        let interval = configuration.heartbeatInterval
        let tolerance = configuration.heartbeatTolerance
        let kind: HeartbeatRecord.Kind
        let isOnTime: Bool
        var sincePrevious: Duration?
        if let requestedAt = connection.heartbeatRequestedAt {
            kind = .requested
            isOnTime = now - requestedAt <= tolerance
            connection.heartbeatRequestedAt = nil
        } else if let previous = connection.lastRegularHeartbeatAt {
            kind = .regular
            let gap = now - previous
            sincePrevious = gap
            isOnTime = gap >= interval - tolerance && gap <= interval + tolerance
            connection.lastRegularHeartbeatAt = now
        } else {
            kind = .first
            isOnTime = now - helloAt <= interval + tolerance
            connection.lastRegularHeartbeatAt = now
        }
        let isBeforeAuthentication = connection.sessionID == nil && connection.sentSequences.isEmpty
        if isBeforeAuthentication { connection.heartbeatsBeforeAuthentication.append(heartbeats.count) }
        heartbeats.append(HeartbeatRecord(
            connectionID: id, kind: kind, elapsed: now - helloAt, sincePrevious: sincePrevious, sequence: sequence,
            expectedSequence: connection.lastSentSequence,
            isSequenceCorrect: connection.acceptsHeartbeatSequence(sequence, at: now, tolerance: tolerance),
            isOnTime: isOnTime, wasAcknowledged: !connection.dropsACKs
        ))
        live[id] = connection
        if !connection.dropsACKs { send(.payload(GatewayPayload.heartbeatAck, .whole), to: id) }
    }

    /// A heartbeat sent after HELLO but before RESUME carries the sequence the client had on its old
    /// connection; once RESUME names it, those heartbeats are judged against it.
    mutating func judgeHeartbeatsBeforeResume(on id: Int, resumedFrom sequence: Int) {
        for index in live[id]?.heartbeatsBeforeAuthentication ?? [] {
            heartbeats[index].expectedSequence = sequence
            heartbeats[index].isSequenceCorrect = heartbeats[index].sequence == sequence
        }
        live[id]?.heartbeatsBeforeAuthentication = []
    }
}
