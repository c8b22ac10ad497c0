public import Foundation

/// What the workflow needs from the Pterodactyl panel. Every method is idempotent, so a task
/// step that is retried after a crash or a timeout repeats it safely; failures are thrown as
/// `PortFailure` so the task runner knows whether to try again.
public protocol LendingPanel: Sendable {
    /// Whether the panel would accept `username` for a new account (its `p_username` rule),
    /// checked before anything is created.
    func acceptsUsername(_ username: String) -> Bool

    /// The account with exactly this username and email, created with a strong random password
    /// that nobody is shown when neither exists (its owner sets one with
    /// `/mcserver reset-password`), and marked as made by the bot for `owner` (a Discord id). An
    /// account that already matches both is adopted unchanged only when it carries that mark (a
    /// retried step): `/mcserver reset-password` would otherwise hand a stranger's account to the
    /// member, so an unmarked or foreign account is a permanent failure for a moderator, as is a
    /// username or email held by another account.
    func ensureAccount(username: String, email: String, owner: String) async throws -> PanelAccount

    /// Whether a server with this 8-character identifier exists and the client key reaches it.
    func serverExists(_ server: String) async throws -> Bool

    /// Where players connect, `host:port`, or nil when the server has no default allocation.
    func connectionAddress(of server: String) async throws -> String?

    /// Sets the server's description shown in the panel (the rest of its details are kept).
    func setDescription(of server: String, to description: String) async throws

    /// Makes `email`'s account a sub-user of `server` with exactly `permissions`.
    func ensureSubuser(on server: String, email: String, permissions: [String]) async throws

    /// Removes `email`'s account from the server's sub-users; no-op when it is not one.
    func removeSubuser(from server: String, email: String) async throws

    /// Sends stop and waits until the server reports offline.
    func stopAndWaitOffline(_ server: String) async throws

    /// The server's backups, newest last.
    func backups(of server: String) async throws -> [PanelBackup]

    /// Creates a backup named `name` and waits until it has completed successfully. A retried
    /// call that finds a completed backup with that name returns it instead of making another.
    func ensureBackup(of server: String, named name: String) async throws -> PanelBackup

    /// Streams a completed backup to `path` (a new file) and returns its size in bytes, which
    /// has been checked against the panel's figure.
    func downloadBackup(_ uuid: String, of server: String, to path: String) async throws -> Int64

    /// Unlocks a backup; no-op when it is already unlocked.
    func unlockBackup(_ uuid: String, of server: String) async throws

    /// Deletes a backup; no-op when it is already gone.
    func deleteBackup(_ uuid: String, of server: String) async throws

    /// Brings the server back to a clean state as `mode` says.
    func resetServer(_ server: String, mode: ServerResetMode) async throws
}

/// A panel account as the workflow records it.
public struct PanelAccount: Sendable, Equatable {
    public var username: String
    public var email: String
    /// True when this call created it.
    public var created: Bool

    public init(username: String, email: String, created: Bool) {
        self.username = username
        self.email = email
        self.created = created
    }
}

/// A backup on the panel, as far as archiving needs it.
public struct PanelBackup: Sendable, Equatable, Codable {
    public var uuid: String
    /// The name people gave it on the panel; never trusted in a path (see `ArchivePath`).
    public var name: String
    public var bytes: Int64
    public var isLocked: Bool
    public var isSuccessful: Bool
    public var createdAt: Date

    public init(uuid: String, name: String, bytes: Int64, isLocked: Bool, isSuccessful: Bool, createdAt: Date) {
        self.uuid = uuid
        self.name = name
        self.bytes = bytes
        self.isLocked = isLocked
        self.isSuccessful = isSuccessful
        self.createdAt = createdAt
    }
}

/// `RESET_MODE` (DESIGN §4): what happens to a server's files when a loan ends.
public enum ServerResetMode: String, Sendable, CaseIterable {
    /// Delete every file of the server.
    case deleteFiles = "delete-files"
    /// Reinstall the server from its egg.
    case reinstall
    /// Leave the files as they are.
    case none
}
