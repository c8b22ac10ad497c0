public import Secrets

/// Client API: backups (docs/PANEL-API.md §3.3). Paths take the backup uuid.
extension PanelClient {
    /// Every backup, all pages (50 per page, the panel's maximum), with `meta.backup_count`.
    public func backups(of server: String) async throws(PanelError) -> BackupList {
        try ServerIdentifier.validate(server)
        let (items, meta) = try await allPages(Backup.self, .listBackups(server), perPage: 50)
        return BackupList(backups: items, activeCount: meta?.backupCount ?? items.filter { $0.state != .failed }.count)
    }

    public func backup(_ uuid: String, of server: String) async throws(PanelError) -> Backup {
        try ServerIdentifier.validate(server)
        return try await item(Backup.self, .getBackup(server, backup: uuid))
    }

    /// Starts a backup (200, running). Not idempotent: each call makes one more, until the
    /// throttle (429 with a long `Retry-After`, surfaced as `rateLimited`) or the limit (400
    /// `TooManyBackupsException`). `locked` is honoured only if the key has backup.delete.
    public func createBackup(of server: String, name: String? = nil, ignoredFiles: [String] = [], locked: Bool = false) async throws(PanelError) -> Backup {
        try ServerIdentifier.validate(server)
        var body: [String: JSONBody] = ["is_locked": .bool(locked)]
        if let name { body["name"] = .string(name) }
        if !ignoredFiles.isEmpty { body["ignored"] = .string(ignoredFiles.joined(separator: "\n")) }
        return try await item(Backup.self, .createBackup(server), body: Self.encode(body))
    }

    /// Flips the lock and returns the backup as it now is. The endpoint is a toggle: prefer
    /// `setBackupLock`, which reads the state first.
    public func toggleBackupLock(_ uuid: String, of server: String) async throws(PanelError) -> Backup {
        try ServerIdentifier.validate(server)
        return try await item(Backup.self, .toggleBackupLock(server, backup: uuid))
    }

    /// Makes the lock `locked`, toggling only if it differs. Two concurrent callers can still race;
    /// the result is checked and one more toggle is made if the state came back wrong.
    @discardableResult
    public func setBackupLock(_ uuid: String, of server: String, locked: Bool) async throws(PanelError) -> Backup {
        var current = try await backup(uuid, of: server)
        var toggles = 0
        while current.isLocked != locked && toggles < 2 {
            current = try await toggleBackupLock(uuid, of: server)
            toggles += 1
        }
        return current
    }

    /// A fresh single-use signed URL (Wings answers 404 to its second use, panel#4947). It is a
    /// credential for the archive, so it comes back as a `Secret`.
    public func backupDownloadURL(_ uuid: String, of server: String) async throws(PanelError) -> Secret {
        try ServerIdentifier.validate(server)
        struct SignedURL: Decodable { let url: String }
        return Secret(try await item(SignedURL.self, .backupDownload(server, backup: uuid)).url)
    }

    /// Deletes a backup. A locked, successful backup is 400 `BackupLockedException`; a repeat is 404.
    public func deleteBackup(_ uuid: String, of server: String) async throws(PanelError) {
        try ServerIdentifier.validate(server)
        _ = try await send(.deleteBackup(server, backup: uuid))
    }
}
