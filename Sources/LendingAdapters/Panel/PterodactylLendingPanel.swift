import Foundation
public import Lending
public import Logging
public import Pterodactyl
import Secrets

/// The workflow's `LendingPanel` on a Pterodactyl panel, through `PanelClient`.
///
/// Each method is one idempotent step built from the client's operations (`ensureUser`,
/// `ensureSubuser`, `setBackupLock`, ...), so a task that repeats it after a crash or a timeout
/// changes nothing twice. Every `PanelError` leaves as a `PortFailure` (see `PortFailure+Panel`):
/// transient when a later try can succeed, permanent when a person must act, with a message a
/// moderator can read and no secret in it. The client retries 429s, 5xx and broken connections
/// of idempotent calls itself first.
public struct PterodactylLendingPanel: LendingPanel {
    /// How long the waits of a step may last before it fails as transient.
    public struct Timeouts: Sendable {
        /// From stop to offline before the server is killed. Minecraft saves every world on stop,
        /// and `/resources` answers from a 20 s cache (docs/PANEL-API.md §3.4), so a large world needs the margin.
        public var stop: Duration = .seconds(120)
        /// From kill to offline: only the resources cache is left to wait out.
        public var kill: Duration = .seconds(60)
        /// For a backup to complete. On timeout the backup keeps running, and the retried step
        /// waits again on the uuid it recorded rather than starting another.
        public var backup: Duration = .seconds(1800)
        /// For a reinstall to finish (`PANEL_INSTALL_TIMEOUT_SECONDS`): the egg's script downloads
        /// the server jar and its libraries, minutes on a slow node.
        public var install: Duration = .seconds(900)
        /// From start to running: a first start generates the world.
        public var start: Duration = .seconds(300)

        public init() {}
    }

    let client: PanelClient
    let timeouts: Timeouts
    let logger: Logger

    public init(client: PanelClient, timeouts: Timeouts = Timeouts(), logger: Logger) {
        self.client = client
        self.timeouts = timeouts
        self.logger = logger
    }

    public func acceptsUsername(_ username: String) -> Bool {
        Username.isValid(username)
    }

    /// First and last name are the username: the panel requires both, and the bot knows no
    /// other name that is not a Discord nickname. A new account gets a strong random password
    /// that is sent once to the panel and kept nowhere, and the owner's Discord id as its
    /// `external_id`; an existing matching account is adopted (keeping its password) only when it
    /// carries that id, which is how a retried step recognises the account it made.
    public func ensureAccount(username: String, email: String, owner: String) async throws -> PanelAccount {
        let user = NewPanelUser(username: username, email: email, firstName: username, lastName: username, password: PasswordGenerator.makePassword(),
                                externalID: owner)
        let (account, created) = try await perform(PanelCall("create the panel account")) { () async throws(PanelError) in
            try await client.ensureUser(user)
        }
        return PanelAccount(username: account.username, email: account.email, created: created)
    }

    /// A missing server and an identifier that cannot be one are both `false`; other failures throw.
    public func serverExists(_ server: String) async throws -> Bool {
        try await perform(PanelCall("look up the server", server: server)) { () async throws(PanelError) -> Bool in
            do throws(PanelError) {
                _ = try await client.server(server)
                return true
            } catch where error.kind == .notFound || error.kind == .invalidInput(field: "server") {
                return false
            }
        }
    }

    public func connectionAddress(of server: String) async throws -> String? {
        try await perform(PanelCall("read the connection address", server: server)) { () async throws(PanelError) in
            try await client.server(server).connectionAddress?.description
        }
    }

    public func setDescription(of server: String, to description: String) async throws {
        try await perform(PanelCall("set the server description", server: server)) { () async throws(PanelError) in
            _ = try await client.setDescription(of: server, to: description)
        }
    }

    public func ensureSubuser(on server: String, email: String, permissions: [String]) async throws {
        try await perform(PanelCall("grant the sub-user access", server: server)) { () async throws(PanelError) in
            _ = try await client.ensureSubuser(on: server, email: email, permissions: permissions)
        }
    }

    public func removeSubuser(from server: String, email: String) async throws {
        try await perform(PanelCall("revoke the sub-user access", server: server)) { () async throws(PanelError) in
            _ = try await client.removeSubuser(from: server, email: email)
        }
    }

    /// Stop lets Minecraft save its worlds; a server still not offline after `timeouts.stop` is
    /// killed, and then waited for once more.
    public func stopAndWaitOffline(_ server: String) async throws {
        try await perform(PanelCall("stop the server", server: server)) { () async throws(PanelError) in
            try await client.sendPowerSignal(.stop, to: server)
            do throws(PanelError) {
                try await client.waitForPowerState(.offline, of: server, timeout: timeouts.stop)
            } catch where error.kind == .timedOut {
                logger.warning("server did not stop in time, killing it", metadata: ["panel.server": "\(server)"])
                try await client.sendPowerSignal(.kill, to: server)
                try await client.waitForPowerState(.offline, of: server, timeout: timeouts.kill)
            }
        }
    }

    /// Ordered by creation time, ties in the panel's order, so the newest is last.
    public func backups(of server: String) async throws -> [PanelBackup] {
        let list = try await perform(PanelCall("list the backups", server: server)) { () async throws(PanelError) in
            try await client.backups(of: server).backups
        }
        return list.enumerated()
            .sorted { ($0.element.createdAt ?? .distantPast, $0.offset) < ($1.element.createdAt ?? .distantPast, $1.offset) }
            .map { Self.panelBackup($0.element) }
    }

    public func createBackup(of server: String, named name: String) async throws -> PanelBackup {
        let backup = try await perform(PanelCall("make the backup", server: server)) { () async throws(PanelError) in
            try await client.createBackup(of: server, name: name)
        }
        return Self.panelBackup(backup)
    }

    /// A failed backup is returned (not thrown), so the caller can make another; a backup still
    /// running after `timeouts.backup` is transient, and the repeated step waits on it again.
    public func waitForBackup(_ uuid: String, of server: String) async throws -> PanelBackup {
        let backup = try await perform(PanelCall("wait for the backup", server: server, backup: uuid)) { () async throws(PanelError) -> Backup in
            do throws(PanelError) {
                return try await client.waitForBackup(uuid, of: server, timeout: timeouts.backup)
            } catch where error.kind == .backupFailed {
                return try await client.backup(uuid, of: server)
            }
        }
        return Self.panelBackup(backup)
    }

    public func deleteSchedules(of server: String) async throws -> Int {
        try await perform(PanelCall("delete the server's schedules", server: server)) { () async throws(PanelError) in
            try await client.deleteAllSchedules(of: server)
        }
    }

    public func downloadBackup(_ uuid: String, of server: String, to path: String) async throws -> Int64 {
        try await perform(PanelCall("download the backup", server: server, backup: uuid)) { () async throws(PanelError) in
            try await client.downloadBackup(uuid, of: server, to: path)
        }
    }

    /// A backup that is gone holds no lock, so 404 is done, once the server itself is confirmed.
    public func unlockBackup(_ uuid: String, of server: String) async throws {
        let gone = try await perform(PanelCall("unlock the backup", server: server, backup: uuid)) { () async throws(PanelError) -> Bool in
            do throws(PanelError) {
                try await client.setBackupLock(uuid, of: server, locked: false)
                return false
            } catch where error.kind == .notFound {
                return true
            }
        }
        if gone { try await requireServer(server, during: "unlock the backup") }
    }

    /// 404 is done (a repeat, or Wings already removed it), once the server itself is confirmed.
    /// A locked backup is unlocked first: the caller named this backup for deletion, and a lock
    /// would otherwise stop the step for good.
    public func deleteBackup(_ uuid: String, of server: String) async throws {
        let gone = try await perform(PanelCall("delete the backup", server: server, backup: uuid)) { () async throws(PanelError) -> Bool in
            do throws(PanelError) {
                try await client.deleteBackup(uuid, of: server)
                return false
            } catch where error.kind == .notFound {
                return true
            } catch where error.code == "BackupLockedException" {
                try await client.setBackupLock(uuid, of: server, locked: false)
                try await client.deleteBackup(uuid, of: server)
                return false
            }
        }
        if gone { try await requireServer(server, during: "delete the backup") }
    }

    public func resetServer(_ server: String, mode: ServerResetMode) async throws {
        let resetMode: ResetMode = switch mode {
        case .deleteFiles: .deleteFiles
        case .reinstall: .reinstall
        case .none: .none
        }
        try await perform(PanelCall("reset the server", server: server)) { () async throws(PanelError) in
            try await client.resetServer(server, mode: resetMode, timeout: timeouts.install)
        }
    }

    // MARK: Preparing a loan's server

    public func egg(of server: String, versionVariables: [String]) async throws -> ServerEgg {
        let (startup, details) = try await perform(PanelCall("read the server's startup settings", server: server)) { () async throws(PanelError) in
            (try await client.startup(of: server), try await client.server(server))
        }
        let images = startup.dockerImages.map { label, image in
            EggImage(label: label, image: image, javaMajorVersion: JavaImage.majorVersion(label: label, image: image))
        }.sorted { ($0.javaMajorVersion ?? 0, $0.image) < ($1.javaMajorVersion ?? 0, $1.image) }
        return ServerEgg(versionVariable: startup.variable(among: versionVariables)?.envVariable, images: images,
                         currentImage: details.dockerImage)
    }

    /// The egg's name from the application API. A key that may not read eggs is told as the
    /// setting to change, since the panel says so only by leaving the egg out.
    public func eggName(of server: String) async throws -> String {
        try await perform(PanelCall("read the server's egg", server: server)) { () async throws(PanelError) -> String in
            do throws(PanelError) {
                return try await client.egg(ofServer: server).name
            } catch where error.kind == .forbidden {
                throw PanelError(.invalidConfiguration("PTERODACTYL_APPLICATION_KEY may not read eggs: give the key Eggs read access "
                    + "in the panel's Application API page, or name the server's type with the type option"), operation: error.operation)
            }
        }
    }

    public func setStartupVariable(_ name: String, to value: String, on server: String) async throws {
        let call = PanelCall("set \(name) to \(value)", server: server)
        try await perform(call) { () async throws(PanelError) in
            do throws(PanelError) {
                _ = try await client.setStartupVariable(on: server, key: name, value: value)
            } catch where error.kind == .rejected(status: 400, code: "BadRequestHttpException") {
                // Hidden or read-only: an administrator must open it to users on the egg.
                throw PanelError(.invalidConfiguration("the egg of \(call.serverPhrase) does not let users change \(name): "
                    + "make the variable visible and editable in the egg, or name another in PANEL_VERSION_VARIABLE"), operation: error.operation)
            }
        }
    }

    public func setDockerImage(_ image: String, on server: String) async throws {
        let call = PanelCall("choose the Docker image \(image)", server: server)
        try await perform(call) { () async throws(PanelError) in
            do throws(PanelError) {
                try await client.setDockerImage(image, on: server)
            } catch where error.kind == .rejected(status: 400, code: "BadRequestHttpException") {
                throw PanelError(.invalidConfiguration("an administrator set the Docker image of \(call.serverPhrase) by hand, so the panel "
                    + "lets nobody else change it: set one of the egg's images in the panel's admin area"), operation: error.operation)
            } catch where error.kind == .validation {
                throw PanelError(.invalidConfiguration("the egg of \(call.serverPhrase) does not offer the image \(image)"), operation: error.operation)
            }
        }
    }

    public func installState(of server: String) async throws -> InstallState {
        try await perform(PanelCall("read the install state", server: server)) { () async throws(PanelError) in
            switch try await client.server(server).status {
            case "installing": .installing
            case "install_failed", "reinstall_failed": .failed
            default: .installed
            }
        }
    }

    public func reinstall(_ server: String) async throws {
        try await perform(PanelCall("start the reinstall", server: server)) { () async throws(PanelError) in
            try await client.reinstall(server)
        }
    }

    public func waitForInstall(of server: String) async throws {
        let call = PanelCall("install the server", server: server)
        try await perform(call) { () async throws(PanelError) in
            do throws(PanelError) {
                try await client.waitForInstall(of: server, timeout: timeouts.install)
            } catch where error.kind == .serverStateConflict {
                throw PanelError(.invalidConfiguration("the egg's install script failed on \(call.serverPhrase): its install log in the panel "
                    + "says why; Retry runs the install again"), operation: error.operation)
            } catch where error.kind == .timedOut {
                throw PanelError(.invalidConfiguration("the install of \(call.serverPhrase) was still running after \(Self.minutes(timeouts.install)): "
                    + "Retry waits for it again (PANEL_INSTALL_TIMEOUT_SECONDS sets the wait)"), operation: error.operation)
            }
        }
    }

    public func startAndWaitRunning(_ server: String) async throws {
        let call = PanelCall("start the server", server: server)
        try await perform(call) { () async throws(PanelError) in
            try await client.sendPowerSignal(.start, to: server)
            do throws(PanelError) {
                try await client.waitForPowerState(.running, of: server, timeout: timeouts.start)
            } catch where error.kind == .timedOut {
                throw PanelError(.invalidConfiguration("\(call.serverPhrase) did not reach running within \(Self.minutes(timeouts.start)) "
                    + "after start: its console in the panel says why"), operation: error.operation)
            }
        }
    }

    private static func minutes(_ duration: Duration) -> String {
        let seconds = duration.components.seconds
        return seconds % 60 == 0 ? "\(seconds / 60) minute(s)" : "\(seconds) seconds"
    }

    /// Throws the server's own "not found" when a child's 404 came from a missing server.
    private func requireServer(_ server: String, during action: String) async throws(PortFailure) {
        try await perform(PanelCall(action, server: server)) { () async throws(PanelError) in
            _ = try await client.server(server)
        }
    }

    /// Runs one client call and maps its failure, logging the panel's codes for the operator.
    public func runConsoleCommand(_ command: String, on server: String) async throws -> ConsoleOutcome {
        let call = PanelCall("run a console command", server: server)
        return try await perform(call) { () async throws(PanelError) -> ConsoleOutcome in
            do throws(PanelError) {
                try await client.sendCommand(command, to: server)
                return .ran
            } catch where error.kind == .server(status: 502) && error.code == "HttpException" {
                // The panel's own answer when Wings finds the server stopped ("Server must be
                // online in order to send commands."), as opposed to a node it cannot reach.
                return .serverNotRunning
            }
        }
    }

    private func perform<T>(_ call: PanelCall, _ body: () async throws(PanelError) -> T) async throws(PortFailure) -> T {
        do {
            return try await body()
        } catch {
            let failure = PortFailure(panel: error, during: call)
            logger.info("panel step failed", metadata: [
                "panel.action": "\(call.action)", "panel.server": "\(call.server ?? "-")",
                "panel.error": "\(error)", "panel.failure": "\(failure.kind)",
            ])
            throw failure
        }
    }

    static func panelBackup(_ backup: Backup) -> PanelBackup {
        PanelBackup(uuid: backup.uuid, name: backup.name, bytes: backup.bytes, isLocked: backup.isLocked,
                    isSuccessful: backup.state == .succeeded, createdAt: backup.createdAt ?? .distantPast)
    }
}
