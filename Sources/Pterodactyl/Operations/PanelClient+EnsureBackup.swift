import Clocks
import Foundation

/// Idempotent backup creation (docs/PANEL-API.md §4: each create makes one more backup, until the throttle or the
/// limit refuses). The name is the key: a task that names its backup after itself (e.g. the
/// workflow id) can repeat the call after a crash, a timeout or a lost answer. The name is only a
/// key where nobody else can make backups: a sub-user with backup.create can give a backup any
/// name, so a caller that must know its own backup records the uuid `createBackup` answers
/// (`waitForBackup(_:of:timeout:)`) instead.
extension PanelClient {
    /// The longest name the panel stores (`max:191`, docs/PANEL-API.md §3.3).
    public static let maximumBackupNameLength = 191

    /// Returns a successfully completed backup named exactly `name`, making one only when needed:
    /// - one that already succeeded is returned as it is (the newest, if several);
    /// - one still running is waited for, so a repeat never starts a second backup beside it;
    /// - failed ones are left alone and a new backup is made; if that one fails, `backupFailed`.
    ///
    /// Running past `timeout` throws `timedOut` while the backup keeps running; calling again
    /// picks it up. Two callers racing with the same name can still both create one.
    /// - Parameter name: compared after trimming, as the panel trims it; empty (the panel would
    ///   name it "Backup at …") or longer than 191 characters is `invalidInput(field: "name")`.
    public func ensureBackup(of server: String, named name: String, timeout: Duration) async throws(PanelError) -> Backup {
        let wanted = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !wanted.isEmpty, wanted.count <= Self.maximumBackupNameLength else {
            throw PanelError(.invalidInput(field: "name"), operation: "ensure backup")
        }
        let clock = configuration.clock
        let started = clock.elapsed
        let named = try await backups(of: server).backups.filter { $0.name == wanted }
        if let done = named.last(where: { $0.state == .succeeded }) { return done }
        if let running = named.last(where: { $0.state == .running }) {
            do {
                return try await waitForBackup(running.uuid, of: server, timeout: timeout)
            } catch where error.kind == .backupFailed || error.kind == .notFound {
                // Failed, or deleted meanwhile: fall through to a fresh backup.
            }
        }
        return try await createBackupAndWait(of: server, name: wanted, timeout: timeout - (clock.elapsed - started))
    }
}
