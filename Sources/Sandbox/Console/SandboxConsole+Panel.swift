import Lending
import PanelSimulator
import Pterodactyl
import SimulatorSupport

/// The panel part of `GET /api/state`: each pool server as the panel and Wings hold it, so the
/// page shows what an approval does to it (version, image, install, power), then who may enter.
extension SandboxConsole {
    func panelState() -> SimulatorJSON {
        let panel = simulators.panel
        let servers: [SimulatorJSON] = (1...SandboxPeople.serverCount).compactMap { number in
            guard let server = panel.server(SandboxPeople.serverIdentifier(number)) else { return nil }
            let address = server.allocations.first { $0.isDefault }.map { "\($0.alias ?? $0.ip):\($0.port)" } ?? ""
            let held: [String: SimulatorJSON] = [
                "identifier": .string(server.identifier), "name": .string(server.name), "power": .string(server.powerState),
                "status": server.status.map(SimulatorJSON.string) ?? .null, "description": .string(server.description), "address": .string(address),
                "subusers": .array(panel.subusers(of: server.identifier).map { ["email": .string($0.email), "permissions": .integer(Int64($0.permissions.count))] }),
                "backups": .array(panel.backups(of: server.identifier).map { backup in
                    ["name": .string(backup.name), "locked": .bool(backup.isLocked), "bytes": .integer(backup.bytes),
                     "state": .string(backup.isRunning ? "running" : backup.isSuccessful ? "done" : "failed")]
                }),
            ]
            return .object(held.merging(Self.build(of: server)) { current, _ in current })
        }
        let users = panel.users.map { ["username": .string($0.username), "email": .string($0.email), "admin": .bool($0.isRootAdmin)] as SimulatorJSON }
        return ["servers": .array(servers), "users": .array(users)]
    }

    /// What the server runs: the version its egg's variable asks for (the variable the bot sets,
    /// among the stock names), the version the last install laid down, the image and its Java,
    /// and where its install stands.
    static func build(of server: SimulatedPanelServer) -> [String: SimulatorJSON] {
        let variable = server.variables.first { LendingPolicy.stockVersionVariables.contains($0.envVariable) }
        let label = server.eggImages.first { $0.value == server.dockerImage }?.key ?? ""
        let java = JavaImage.majorVersion(label: label, image: server.dockerImage)
        return [
            "versionVariable": variable.map { .string($0.envVariable) } ?? .null,
            "version": variable.map { .string($0.effectiveValue) } ?? .null,
            "installedVersion": server.installedVersion.map(SimulatorJSON.string) ?? .null,
            "image": .string(server.dockerImage),
            "java": java.map { .integer(Int64($0)) } ?? .null,
            "install": .string(installState(status: server.status)),
        ]
    }

    /// `installing` while Wings runs the egg's script, `failed` when it reported a failure, else
    /// `installed` (a suspended server or one restoring a backup was installed before).
    static func installState(status: String?) -> String {
        switch status {
        case "installing": "installing"
        case "install_failed", "reinstall_failed": "failed"
        default: "installed"
        }
    }
}
