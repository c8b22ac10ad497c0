import Foundation
import Lending
public import Simulators

/// Discord (REST and gateway) and the panel, in process on loopback, seeded with the sandbox's
/// guild and servers. Their state lives in memory and is gone when the sandbox stops.
public struct SandboxSimulators: Sendable {
    public let rest: DiscordRESTSimulator
    public let gateway: DiscordGatewaySimulator
    public let panel: PanelSimulator
    /// Mojang's version manifest, listing the releases this build knows, so the sandbox works offline.
    public let versions: VersionManifestSimulator

    public static func start() async throws -> SandboxSimulators {
        let people = SandboxPeople.all.map(\.invoker)
        let rest = DiscordRESTSimulator(configuration: .init(
            guildID: SandboxPeople.guildID,
            guildName: "Sandbox community",
            users: people.map { SimulatedUser(id: $0.userID, username: $0.username) },
            members: people.map { SimulatedMember(userID: $0.userID, roleIDs: Set($0.roleIDs)) },
            roles: [SimulatedRole(id: SandboxPeople.moderatorRoleID, name: "moderators"),
                    SimulatedRole(id: SandboxPeople.panelUserRoleID, name: "panel users")],
            channels: [SimulatedChannel(id: SandboxPeople.notifyChannelID, name: "lending-notices")]
        ))
        try await rest.start()
        let gateway = DiscordGatewaySimulator(configuration: .init(botToken: rest.configuration.botToken, guildIDs: [SandboxPeople.guildID],
                                                                   interactionChannelID: SandboxPeople.notifyChannelID),
                                              rest: rest)
        do {
            try await gateway.start()
        } catch {
            await rest.stop()
            throw error
        }
        // Wings, quick: power changes, backups and reinstalls finish in a second or two.
        let servers = (1...SandboxPeople.serverCount).map {
            SimulatedPanelServer.standard(id: $0, identifier: SandboxPeople.serverIdentifier($0), name: SandboxPeople.serverName($0))
        }
        let panel = PanelSimulator(configuration: .init(servers: servers, backupThrottleLimit: 100, powerTransitionDelay: .seconds(1),
                                                        automaticBackupDuration: .seconds(1), automaticInstallDuration: .seconds(2),
                                                        resourcesCacheDuration: .zero))
        do {
            try await panel.start()
        } catch {
            await gateway.stop()
            await rest.stop()
            throw error
        }
        let versions = VersionManifestSimulator(versions: Self.knownReleases)
        do {
            try await versions.start()
        } catch {
            await panel.stop()
            await gateway.stop()
            await rest.stop()
            throw error
        }
        return SandboxSimulators(rest: rest, gateway: gateway, panel: panel, versions: versions)
    }

    /// The built-in release list with Mojang's Java figures.
    static var knownReleases: [SimulatedMinecraftVersion] {
        SimulatedMinecraftVersion.releases(BuiltInMinecraftReleases.ids.compactMap { id in
            MinecraftVersion(id).map { (id: id, java: Optional($0.builtInJavaMajorVersion)) }
        })
    }

    public func stop() async {
        await gateway.stop()
        await rest.stop()
        await panel.stop()
        await versions.stop()
    }
}
