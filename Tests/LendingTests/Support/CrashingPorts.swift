import Foundation
import Lending
import Secrets
import Synchronization

/// Counts the calls made through the wrappers below and, once armed, lets the chosen call
/// finish and then never returns: the test cancels the runner there, which leaves the task
/// exactly as a process killed between a side effect and its record would.
final class CrashPoint: Sendable {
    private let state = Mutex<(calls: Int, crashAfter: Int?, hung: Bool)>((0, nil, false))

    init() {}

    var calls: Int { state.withLock { $0.calls } }
    var hasHung: Bool { state.withLock { $0.hung } }

    /// Crashes after the `count`-th call from now.
    func arm(after count: Int) {
        state.withLock { state in
            state.crashAfter = state.calls + count
            state.hung = false
        }
    }

    /// Stops crashing, for the restarted runner.
    func disarm() { state.withLock { $0.crashAfter = nil } }

    func pass<T: Sendable>(_ call: () async throws -> T) async throws -> T {
        let result = try await call()
        let crash = state.withLock { state -> Bool in
            state.calls += 1
            guard state.calls == state.crashAfter else { return false }
            state.hung = true
            return true
        }
        if crash { try await Task.sleep(for: .seconds(3_600)) }
        return result
    }

    /// Waits (in real time) until a call has hung.
    func waitUntilHung() async throws {
        for _ in 0..<3_000 where !hasHung { try await Task.sleep(for: .milliseconds(10)) }
        if !hasHung { throw NeverHung() }
    }

    struct NeverHung: Error {}
}

struct CrashingPanel: LendingPanel {
    let inner: any LendingPanel
    let point: CrashPoint

    func acceptsUsername(_ username: String) -> Bool { inner.acceptsUsername(username) }
    func ensureAccount(username: String, email: String, owner: String) async throws -> PanelAccount {
        try await point.pass { try await inner.ensureAccount(username: username, email: email, owner: owner) }
    }
    func serverExists(_ server: String) async throws -> Bool { try await point.pass { try await inner.serverExists(server) } }
    func connectionAddress(of server: String) async throws -> String? { try await point.pass { try await inner.connectionAddress(of: server) } }
    func sendPowerSignal(_ signal: PanelPowerSignal, to server: String) async throws {
        try await point.pass { try await inner.sendPowerSignal(signal, to: server) }
    }
    func setDescription(of server: String, to description: String) async throws {
        try await point.pass { try await inner.setDescription(of: server, to: description) }
    }
    func ensureSubuser(on server: String, email: String, permissions: [String]) async throws {
        try await point.pass { try await inner.ensureSubuser(on: server, email: email, permissions: permissions) }
    }
    func state(of server: String) async throws -> PanelServerState { try await point.pass { try await inner.state(of: server) } }
    func resetPassword(email: String, username: String, owner: String, to password: Secret) async throws -> PanelPasswordReset {
        try await point.pass { try await inner.resetPassword(email: email, username: username, owner: owner, to: password) }
    }
    func removeSubuser(from server: String, email: String) async throws {
        try await point.pass { try await inner.removeSubuser(from: server, email: email) }
    }
    func stopAndWaitOffline(_ server: String) async throws { try await point.pass { try await inner.stopAndWaitOffline(server) } }
    func backups(of server: String) async throws -> [PanelBackup] { try await point.pass { try await inner.backups(of: server) } }
    func createBackup(of server: String, named name: String) async throws -> PanelBackup {
        try await point.pass { try await inner.createBackup(of: server, named: name) }
    }
    func requestBackup(of server: String, named name: String) async throws -> PanelBackupRequest {
        try await point.pass { try await inner.requestBackup(of: server, named: name) }
    }
    func waitForBackup(_ uuid: String, of server: String) async throws -> PanelBackup {
        try await point.pass { try await inner.waitForBackup(uuid, of: server) }
    }
    func deleteSchedules(of server: String) async throws -> Int { try await point.pass { try await inner.deleteSchedules(of: server) } }
    func downloadBackup(_ uuid: String, of server: String, to path: String) async throws -> Int64 {
        try await point.pass { try await inner.downloadBackup(uuid, of: server, to: path) }
    }
    func unlockBackup(_ uuid: String, of server: String) async throws { try await point.pass { try await inner.unlockBackup(uuid, of: server) } }
    func deleteBackup(_ uuid: String, of server: String) async throws { try await point.pass { try await inner.deleteBackup(uuid, of: server) } }
    func resetServer(_ server: String, mode: ServerResetMode) async throws { try await point.pass { try await inner.resetServer(server, mode: mode) } }
    func egg(of server: String, versionVariables: [String]) async throws -> ServerEgg {
        try await point.pass { try await inner.egg(of: server, versionVariables: versionVariables) }
    }
    func eggName(of server: String) async throws -> String { try await point.pass { try await inner.eggName(of: server) } }
    func setStartupVariable(_ name: String, to value: String, on server: String) async throws {
        try await point.pass { try await inner.setStartupVariable(name, to: value, on: server) }
    }
    func setDockerImage(_ image: String, on server: String) async throws { try await point.pass { try await inner.setDockerImage(image, on: server) } }
    func installState(of server: String) async throws -> InstallState { try await point.pass { try await inner.installState(of: server) } }
    func reinstall(_ server: String) async throws { try await point.pass { try await inner.reinstall(server) } }
    func waitForInstall(of server: String) async throws { try await point.pass { try await inner.waitForInstall(of: server) } }
    func startAndWaitRunning(_ server: String) async throws { try await point.pass { try await inner.startAndWaitRunning(server) } }
    func runConsoleCommand(_ command: String, on server: String) async throws -> ConsoleOutcome {
        try await point.pass { try await inner.runConsoleCommand(command, on: server) }
    }
}

struct CrashingNotifier: LendingNotifier {
    let inner: any LendingNotifier
    let point: CrashPoint

    func deliver(_ notice: LendingNotice, deduplicationKey: String) async throws {
        try await point.pass { try await inner.deliver(notice, deduplicationKey: deduplicationKey) }
    }

    var tellsModerators: Bool { inner.tellsModerators }
}

struct CrashingArchive: ArchiveDestination {
    let inner: any ArchiveDestination
    let point: CrashPoint

    var displayName: String { inner.displayName }
    func upload(localPath: String, to relativePath: String) async throws -> Int64 {
        try await point.pass { try await inner.upload(localPath: localPath, to: relativePath) }
    }
    func storedSize(of relativePath: String) async throws -> Int64? { try await point.pass { try await inner.storedSize(of: relativePath) } }
}
