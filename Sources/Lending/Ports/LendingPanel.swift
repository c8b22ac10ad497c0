public import Foundation
public import Secrets

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

    /// The server's power state, usage, limits and address, for a moderator to look at.
    func state(of server: String) async throws -> PanelServerState

    /// Sets `password` on the account a member's record names: found by its email (exact), else
    /// by its username (exact). A panel administrator's account is never touched, nor one whose
    /// `external_id` names someone other than `owner` (a Discord id), so a record that has come
    /// to point at someone else's account hands out nothing.
    func resetPassword(email: String, username: String, owner: String, to password: Secret) async throws -> PanelPasswordReset

    /// Removes `email`'s account from the server's sub-users; no-op when it is not one.
    func removeSubuser(from server: String, email: String) async throws

    /// Sends one power signal and returns at once: the panel accepting it (204) says Wings took
    /// it, not that the state has changed yet.
    func sendPowerSignal(_ signal: PanelPowerSignal, to server: String) async throws

    /// Sends stop and waits until the server reports offline.
    func stopAndWaitOffline(_ server: String) async throws

    /// The server's backups, newest last.
    func backups(of server: String) async throws -> [PanelBackup]

    /// Starts one backup and returns it as the panel answered (running), with the uuid that
    /// identifies it from then on. Not idempotent: every call makes one more backup, so a caller
    /// records the uuid and never looks its backup up by name, which anyone with
    /// `backup.create` can choose.
    func createBackup(of server: String, named name: String) async throws -> PanelBackup

    /// A moderator's backup (`/mcserver-admin server backup`): one locked backup started, or the
    /// panel's own refusal when the server is at its backup limit or made too many backups
    /// lately, told apart from other failures (which are thrown as `PortFailure`) so that the
    /// moderator reads what to do about it.
    func requestBackup(of server: String, named name: String) async throws -> PanelBackupRequest

    /// Waits until the backup `uuid` has completed and returns it: `isSuccessful` tells whether
    /// the node wrote it. Still running after the adapter's wait is a transient failure.
    func waitForBackup(_ uuid: String, of server: String) async throws -> PanelBackup

    /// Deletes every schedule of the server (their commands, power actions and backups would
    /// otherwise keep running through later loans) and returns how many there were. Safe to repeat.
    func deleteSchedules(of server: String) async throws -> Int

    /// Streams a completed backup to `path` (a new file) and returns its size in bytes, which
    /// has been checked against the panel's figure.
    func downloadBackup(_ uuid: String, of server: String, to path: String) async throws -> Int64

    /// Unlocks a backup; no-op when it is already unlocked.
    func unlockBackup(_ uuid: String, of server: String) async throws

    /// Deletes a backup; no-op when it is already gone.
    func deleteBackup(_ uuid: String, of server: String) async throws

    /// Brings the server back to a clean state as `mode` says.
    func resetServer(_ server: String, mode: ServerResetMode) async throws

    // MARK: Preparing a loan's server

    /// The server's egg: the first of `versionVariables` it has, its images with the Java each
    /// carries, and the image the server runs in now.
    func egg(of server: String, versionVariables: [String]) async throws -> ServerEgg

    /// The name of the server's egg as the panel's administrators gave it ("Paper", "Forge
    /// Minecraft", …), which `ServerType.fromEgg(named:)` reads as the server's type when it is
    /// bound to the pool.
    func eggName(of server: String) async throws -> String

    /// Sets a startup variable; the same value again changes nothing. A value the egg's rules
    /// refuse is a permanent failure naming the rule.
    func setStartupVariable(_ name: String, to value: String, on server: String) async throws

    /// Chooses the server's Docker image among the egg's. A server whose image an administrator
    /// set by hand is a permanent failure that says so.
    func setDockerImage(_ image: String, on server: String) async throws

    /// Whether an install is running, failed, or done.
    func installState(of server: String) async throws -> InstallState

    /// Starts the egg's install script (the server goes `installing`). Not idempotent: the caller
    /// looks at `installState` first, so a resumed task waits for the install already running.
    func reinstall(_ server: String) async throws

    /// Waits until the running install ends. A failed install, or one still running after the
    /// configured timeout, is a permanent failure with the panel's reason.
    func waitForInstall(of server: String) async throws

    /// Sends start and waits until the server reports running.
    func startAndWaitRunning(_ server: String) async throws

    /// Runs a command on the server's console, as a renter typing it there would. The panel
    /// accepts commands only while the server runs: `.serverNotRunning` otherwise.
    func runConsoleCommand(_ command: String, on server: String) async throws -> ConsoleOutcome
}

/// What became of a console command.
public enum ConsoleOutcome: Sendable, Equatable {
    case ran
    case serverNotRunning
}

/// Where a server's install stands, as the panel reports it.
public enum InstallState: String, Sendable, Equatable {
    /// No install is running and the last one succeeded.
    case installed
    case installing
    /// The last install or reinstall failed.
    case failed
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

/// `RESET_MODE` (README, *Configuration*): what happens to a server's files when a loan ends.
public enum ServerResetMode: String, Sendable, CaseIterable {
    /// Delete every file of the server.
    case deleteFiles = "delete-files"
    /// Delete every file, then reinstall the server from its egg (a reinstall alone keeps the
    /// volume's files).
    case reinstall
    /// Leave the files as they are.
    case none
}
