import Clocks
import Postgres

/// A moderator's power signal to a pool server from Discord (`/mcserver-admin server power`), so
/// that a stuck or misbehaving server can be started, stopped or killed without the panel.
///
/// A server that a loan holds belongs to that loan's story: the signal is written on the loan's
/// history once the panel has accepted it, so its organizer's "who stopped my server" has an
/// answer. A refused signal changed nothing and leaves no row.
extension WorkflowService {
    public struct PowerSignalSent: Sendable {
        public let binding: ServerBindingRecord
        public let signal: PanelPowerSignal
        /// The PENDING or ACTIVE loan holding the server when the signal went, if any.
        public let holder: WorkflowRecord?
    }

    public func sendPowerSignal(_ signal: PanelPowerSignal, toServer alias: String, by moderator: String) async throws -> PowerSignalSent {
        guard let binding = try await ServerBindingTable.find(name: alias, on: pool) else {
            throw LendingError.serverNotFound(alias: alias)
        }
        try await panel.sendPowerSignal(signal, to: binding.pteroId)
        let holder = try await WorkflowTable.holder(of: binding.pteroId, on: pool)
        if let holder {
            try await AuditTable.record(workflowId: holder.id, actor: moderator, action: .serverPower, from: holder.status, to: holder.status,
                                        detail: ["signal": signal.rawValue, "server": binding.name], at: clock.date, on: pool)
        }
        return PowerSignalSent(binding: binding, signal: signal, holder: holder)
    }
}
