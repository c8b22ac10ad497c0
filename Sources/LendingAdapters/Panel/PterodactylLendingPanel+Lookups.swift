public import Lending
import Pterodactyl
public import Secrets

/// The calls a handler makes itself rather than through a task: a moderator's look at a server
/// or power signal to it, and a member's password reset. Neither is retried by a runner, so neither logs a step failure
/// here; the handler logs and words the `PortFailure` for the person waiting on it.
extension PterodactylLendingPanel {
    public func state(of server: String) async throws -> PanelServerState {
        let call = PanelCall("read the server's state", server: server)
        let usage: ResourceUsage
        let details: PanelServer
        do throws(PanelError) {
            (usage, details) = (try await client.resources(of: server), try await client.server(server))
        } catch {
            throw PortFailure(panel: error, during: call)
        }
        return PanelServerState(
            power: usage.currentState.rawValue, isRunning: usage.currentState == .running,
            isSuspended: usage.isSuspended || details.isSuspended, isInstalling: details.isInstalling,
            cpuPercent: usage.cpuPercent, memoryBytes: usage.memoryBytes, diskBytes: usage.diskBytes, uptimeMilliseconds: usage.uptime,
            limits: details.limits.map { PanelServerState.Limits(cpu: $0.cpu, memoryMiB: $0.memory, diskMiB: $0.disk) },
            connectionAddress: details.connectionAddress?.description)
    }

    /// The panel's answer is only that Wings took the signal; the moderator reads the state after.
    public func sendPowerSignal(_ signal: PanelPowerSignal, to server: String) async throws {
        let wanted: PowerSignal = switch signal {
        case .start: .start
        case .stop: .stop
        case .restart: .restart
        case .kill: .kill
        }
        do throws(PanelError) {
            try await client.sendPowerSignal(wanted, to: server)
        } catch {
            throw PortFailure(panel: error, during: PanelCall("send the \(signal.rawValue) signal", server: server))
        }
    }

    /// Locked, so that the renters cannot delete it and the return archives it with the loan's
    /// other locked backups.
    public func requestBackup(of server: String, named name: String) async throws -> PanelBackupRequest {
        do throws(PanelError) {
            return .started(Self.panelBackup(try await client.createBackup(of: server, name: name, locked: true)))
        } catch {
            switch error.kind {
            case .rejected(_, "TooManyBackupsException"): return .limitReached
            case .rateLimited(let wait) where error.code == "TooManyRequestsHttpException":
                return .throttled(retryAfter: Int(wait.components.seconds))
            default: throw PortFailure(panel: error, during: PanelCall("make the backup", server: server))
            }
        }
    }

    public func resetPassword(email: String, username: String, owner: String, to password: Secret) async throws -> PanelPasswordReset {
        do throws(PanelError) {
            let found: PanelUser? = if let byEmail = try await client.findUser(email: email) { byEmail } else { try await client.findUser(username: username) }
            guard let found else { return .notOnPanel }
            guard !found.isRootAdmin else { return .administrator }
            guard found.externalID == nil || found.externalID == owner else { return .ownedByAnother }
            let user = try await client.resetPassword(userID: found.id, to: password)
            return .reset(username: user.username, panelUserID: user.id)
        } catch {
            throw PortFailure(panel: error, during: PanelCall("reset a password"))
        }
    }
}
