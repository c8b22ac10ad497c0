import Clocks
import Postgres

/// Why a moderator's backup was not made, beyond the workflow's common refusals: the bot
/// renders each in the moderator's language.
public enum ServerBackupRefusal: Error, Sendable, Equatable {
    /// No loan holds the server: its data is nobody's, and the next return would not keep it.
    case serverFree(alias: String)
    /// The panel refused: the server is at its backup limit.
    case limitReached(alias: String)
    /// The panel refused: too many backups of this server lately; `retryAfter` seconds, if said.
    case throttled(alias: String, retryAfter: Int?)
}

/// A moderator's backup of a lent server from Discord (`/mcserver-admin server backup`), for
/// keeping a loan's world at a moment they choose (before a risky change, on a complaint).
///
/// Only a server a PENDING or ACTIVE loan holds is backed up: the backup is made locked, so the
/// loan's return archives it with the others, and it is written on that loan's history. A
/// refused backup changed nothing and leaves no row.
extension WorkflowService {
    public struct ServerBackupStarted: Sendable {
        public let binding: ServerBindingRecord
        public let holder: WorkflowRecord
        public let backup: PanelBackup
    }

    public func backUpServer(_ alias: String, by moderator: String) async throws -> ServerBackupStarted {
        guard let binding = try await ServerBindingTable.find(name: alias, on: pool) else {
            throw LendingError.serverNotFound(alias: alias)
        }
        guard let holder = try await WorkflowTable.holder(of: binding.pteroId, on: pool) else {
            throw ServerBackupRefusal.serverFree(alias: binding.name)
        }
        let now = clock.date
        let name = "moderator backup of loan \(holder.id) at \(Timestamp.format(now))"
        let backup: PanelBackup
        switch try await panel.requestBackup(of: binding.pteroId, named: name) {
        case .started(let started): backup = started
        case .limitReached: throw ServerBackupRefusal.limitReached(alias: binding.name)
        case .throttled(let retryAfter): throw ServerBackupRefusal.throttled(alias: binding.name, retryAfter: retryAfter)
        }
        try await AuditTable.record(workflowId: holder.id, actor: moderator, action: .serverBackup, from: holder.status, to: holder.status,
                                    detail: ["server": binding.name, "backup": backup.uuid, "name": backup.name], at: now, on: pool)
        return ServerBackupStarted(binding: binding, holder: holder, backup: backup)
    }
}
