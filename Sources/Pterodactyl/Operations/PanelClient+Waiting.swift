import Clocks
/// Waits that turn the panel's fire-and-forget calls into outcomes, polling every
/// `configuration.pollInterval` on `configuration.clock`.
extension PanelClient {
    /// Polls `/resources` until the server is in `state`. The panel caches resources for 20 s, so
    /// give `timeout` at least that much beyond Wings' own time.
    public func waitForPowerState(_ state: PowerState, of server: String, timeout: Duration) async throws(PanelError) {
        let clock = configuration.clock
        let started = clock.elapsed
        while true {
            if try await resources(of: server).currentState == state { return }
            guard clock.elapsed - started < timeout else { throw PanelError(.timedOut, operation: "wait for power state \(state.rawValue)") }
            try await pause(configuration.pollInterval, name: "wait for power state")
        }
    }

    /// Creates a backup and polls it until Wings reports it done. A failed backup throws
    /// `backupFailed`; running past `timeout` throws `timedOut` (the backup keeps running and
    /// counts toward the limit until it finishes).
    public func createBackupAndWait(of server: String, name: String? = nil, ignoredFiles: [String] = [], locked: Bool = false,
                                    timeout: Duration) async throws(PanelError) -> Backup {
        let started = configuration.clock.elapsed
        let backup = try await createBackup(of: server, name: name, ignoredFiles: ignoredFiles, locked: locked)
        return try await waitForBackup(backup, of: server, timeout: timeout - (configuration.clock.elapsed - started))
    }

    /// Polls a backup until Wings reports it done and returns it. A failed backup throws
    /// `backupFailed`; still running after `timeout` throws `timedOut`.
    public func waitForBackup(_ uuid: String, of server: String, timeout: Duration) async throws(PanelError) -> Backup {
        try await waitForBackup(try await backup(uuid, of: server), of: server, timeout: timeout)
    }

    private func waitForBackup(_ first: Backup, of server: String, timeout: Duration) async throws(PanelError) -> Backup {
        let operation = "wait for backup"
        let clock = configuration.clock
        let started = clock.elapsed
        var backup = first
        while true {
            switch backup.state {
            case .succeeded: return backup
            case .failed: throw PanelError(.backupFailed, operation: operation)
            case .running: break
            }
            guard clock.elapsed - started < timeout else { throw PanelError(.timedOut, operation: operation) }
            try await pause(configuration.pollInterval, name: operation)
            backup = try await self.backup(backup.uuid, of: server)
        }
    }

    /// Unlocks every locked backup so the next borrower's backups fit the limit. Returns how many
    /// were unlocked. Reads before each toggle, because the endpoint flips.
    @discardableResult
    public func unlockAll(on server: String) async throws(PanelError) -> Int {
        var unlocked = 0
        for backup in try await backups(of: server).backups where backup.isLocked {
            if try await !setBackupLock(backup.uuid, of: server, locked: false).isLocked { unlocked += 1 }
        }
        return unlocked
    }

    /// Waits until an install has finished: `status` back to nil. `install_failed` or
    /// `reinstall_failed` throws `serverStateConflict`; still installing after `timeout` throws
    /// `timedOut`. Polls `GET /servers/{s}`, the one client route that does not answer 409.
    public func waitForInstall(of server: String, timeout: Duration) async throws(PanelError) {
        let clock = configuration.clock
        let started = clock.elapsed
        while true {
            let details = try await self.server(server)
            switch details.status {
            case nil: return
            case "install_failed", "reinstall_failed": throw PanelError(.serverStateConflict, operation: "wait for install")
            default: break
            }
            guard clock.elapsed - started < timeout else { throw PanelError(.timedOut, operation: "wait for install") }
            try await pause(configuration.pollInterval, name: "wait for install")
        }
    }
}
