import Clocks
import Foundation
import SimulatorSupport
import Synchronization

/// What the simulated panel holds and saw (the reading half of "act, then inspect"), and the
/// hooks that stand in for Wings finishing its work.
extension PanelSimulator {
    public var requests: [PanelRecordedRequest] {
        world.withLock { $0.requests }
    }

    public func requests(to route: PanelSimulatedRoute) -> [PanelRecordedRequest] {
        world.withLock { $0.requests.filter { $0.route == route } }
    }

    public var users: [SimulatedPanelUser] {
        let now = clock.date
        return world.withLock { $0.settle(now: now); return $0.users }
    }

    public func user(username: String) -> SimulatedPanelUser? {
        users.first { $0.username == username.lowercased() }
    }

    public func user(email: String) -> SimulatedPanelUser? {
        users.first { $0.email.lowercased() == email.lowercased() }
    }

    /// The server with this 8-character identifier as it stands now, pending changes landed.
    public func server(_ identifier: String) -> SimulatedPanelServer? {
        let now = clock.date
        return world.withLock { $0.settle(now: now); return $0.servers.first { $0.identifier == identifier } }
    }

    /// Sub-users of a server with their account's email, as (email, permissions).
    public func subusers(of identifier: String) -> [(email: String, permissions: [String])] {
        world.withLock { world in
            guard let server = world.servers.first(where: { $0.identifier == identifier }) else { return [] }
            return server.subusers.compactMap { subuser in
                world.users.first { $0.id == subuser.userID }.map { ($0.email, subuser.permissions) }
            }
        }
    }

    /// Backups not deleted, oldest first.
    public func backups(of identifier: String) -> [SimulatedBackup] {
        server(identifier)?.backups.filter { !$0.isDeleted } ?? []
    }

    /// Schedules of a server with their tasks, oldest first.
    public func schedules(of identifier: String) -> [SimulatedSchedule] {
        server(identifier)?.schedules ?? []
    }

    /// Gives the account with `email` a client API key of its own and returns it, so a test can
    /// act as that person (a renter) with exactly the access the panel gives them.
    public func addClientKey(forEmail email: String) -> String? {
        world.withLock { world in
            guard let user = world.users.first(where: { $0.email.lowercased() == email.lowercased() }) else { return nil }
            let token = SimulatedAPIKey.makeToken(prefix: "ptlc_", tag: "user\(user.id)k\(world.addedKeys.count + 1)")
            world.addedKeys.append(SimulatedAPIKey(token: token, userID: user.id, kind: .client))
            return token
        }
    }

    /// Sub-user updates that changed a stored list; an unchanged list writes nothing (docs/PANEL-API.md §3.2).
    public var subuserWriteCount: Int {
        world.withLock { $0.subuserWrites }
    }

    /// Queues `fault` for the next request to `route`; several are met in the order queued.
    public func injectFault(_ fault: PanelFault, on route: PanelSimulatedRoute) {
        world.withLock { $0.faults[route, default: []].append(fault) }
    }

    /// Queues a fault for the next Wings backup download.
    public func injectDownloadFault(_ fault: PanelDownloadFault) {
        world.withLock { $0.downloadFaults.append(fault) }
    }

    /// Wings reports a backup done: successful with `bytes` and a checksum, or failed (which also unlocks it).
    public func completeBackup(_ uuid: String, on identifier: String, bytes: Int64 = 1_048_576, successful: Bool = true) {
        let now = clock.date
        world.withLock { world in
            guard let s = world.servers.firstIndex(where: { $0.identifier == identifier }),
                  let b = world.servers[s].backups.firstIndex(where: { $0.uuid == uuid }) else { return }
            world.complete(server: s, backup: b, successful: successful, bytes: bytes, at: now)
        }
    }

    /// Wings reports the install done: status back to `nil` (the version's jar laid down), or
    /// `install_failed`/`reinstall_failed`.
    public func finishInstall(of identifier: String, status: String? = nil) {
        guard status == nil else { return setStatus(of: identifier, to: status) }
        world.withLock { world in
            guard let s = world.servers.firstIndex(where: { $0.identifier == identifier }) else { return }
            world.finishInstall(server: s, failed: false)
            world.installFinishesAt[world.servers[s].id] = nil
        }
    }

    /// The server's running or next install fails when Wings reports it.
    public func failNextInstall(of identifier: String) {
        world.withLock { world in
            guard let s = world.servers.firstIndex(where: { $0.identifier == identifier }) else { return }
            world.servers[s].failsNextInstall = true
        }
    }

    /// Sets a server's `status` directly (`installing`, `suspended`, `restoring_backup`, ...).
    public func setStatus(of identifier: String, to status: String?) {
        world.withLock { world in
            guard let s = world.servers.firstIndex(where: { $0.identifier == identifier }) else { return }
            world.servers[s].status = status
            world.installFinishesAt[world.servers[s].id] = nil
        }
    }

    /// Sets the power state at once, dropping any pending transition.
    public func setPowerState(of identifier: String, to state: String) {
        world.withLock { world in
            guard let s = world.servers.firstIndex(where: { $0.identifier == identifier }) else { return }
            world.servers[s].powerState = state
            world.pendingPower[world.servers[s].id] = nil
        }
    }

    /// Adds a user and makes them a sub-user with `permissions` (for tests of sub-user callers).
    public func addSubuser(userID: Int, to identifier: String, permissions: [String]) {
        let now = clock.date
        world.withLock { world in
            guard let s = world.servers.firstIndex(where: { $0.identifier == identifier }) else { return }
            world.servers[s].subusers.append(SimulatedSubuser(userID: userID, permissions: PanelWorld.cleaned(permissions), createdAt: now))
        }
    }
}
