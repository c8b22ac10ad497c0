public import DiscordSimulator
import Foundation
import Lending
public import PanelSimulator

/// Discord (REST and gateway) and the panel, in process on loopback, seeded with the sandbox's
/// guild and servers. Their state lives in memory and is gone when the sandbox stops.
public struct SandboxSimulators: Sendable {
    public let rest: DiscordRESTSimulator
    public let gateway: DiscordGatewaySimulator
    public let panel: PanelSimulator
    /// Mojang's version manifest, listing the releases this build knows, so the sandbox works offline.
    public let versions: VersionManifestSimulator

    /// Long enough that a person watching the console sees a loan's server "installing", then
    /// running, without the minutes a real install takes. It is wall time: the panel keeps real
    /// time, so the console's clock buttons neither hasten nor skip it.
    public static let defaultInstallDuration: Duration = .seconds(20)

    /// - Parameter installDuration: how long a reinstall runs before Wings reports it done; nil
    ///   leaves every install running until someone calls `panel.finishInstall(of:)` (the tests).
    public static func start(installDuration: Duration? = defaultInstallDuration) async throws -> SandboxSimulators {
        let people = SandboxPeople.all.map(\.invoker)
        let rest = DiscordRESTSimulator(configuration: .init(
            guildID: SandboxPeople.guildID,
            guildName: "Sandbox community",
            users: people.map { SimulatedUser(id: $0.userID, username: $0.username) },
            members: people.map { SimulatedMember(userID: $0.userID, roleIDs: Set($0.roleIDs)) },
            roles: [SimulatedRole(id: SandboxPeople.moderatorRoleID, name: "moderators"),
                    SimulatedRole(id: SandboxPeople.panelUserRoleID, name: "panel users")],
            channels: [SimulatedChannel(id: SandboxPeople.notifyChannelID, name: "lending-notices"),
                       SimulatedChannel(id: SandboxPeople.boardChannelID, name: "lending-board")]
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
        // Wings, quick: power changes and backups finish in a second; installs take `installDuration`.
        let servers = (1...SandboxPeople.serverCount).map(seededServer)
        let panel = PanelSimulator(configuration: .init(servers: servers, backupThrottleLimit: 100, powerTransitionDelay: .seconds(1),
                                                        automaticBackupDuration: .seconds(1), automaticInstallDuration: installDuration,
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

    /// The egg of the `number`th seeded server: the last one is a Fabric server, so the pool has
    /// two types and the console shows what members and moderators see then (the type select
    /// before the request form, the types on the board and in approve's suggestions).
    public static func egg(of number: Int) -> SimulatedEgg {
        number == SandboxPeople.serverCount ? .fabric : .paper
    }

    /// A server (of `egg(of:)`) installed with `seededVersion` on the egg's Java 21 image, the egg offering
    /// the stock images (Java 8 to 25): approving a request for a newer release visibly moves it
    /// to another image and reinstalls it.
    private static func seededServer(_ number: Int) -> SimulatedPanelServer {
        var server = SimulatedPanelServer.standard(id: number, identifier: SandboxPeople.serverIdentifier(number), name: SandboxPeople.serverName(number))
        server.egg = egg(of: number)
        server.dockerImage = "ghcr.io/pterodactyl/yolks:java_21"
        server.eggImages = SimulatedPanelServer.javaImages
        if let variable = server.variables.firstIndex(where: { $0.envVariable == "MINECRAFT_VERSION" }) {
            server.variables[variable].serverValue = seededVersion
        }
        server.installedVersion = seededVersion
        return server
    }

    /// The release the seeded servers run before any loan.
    public static let seededVersion = "1.21.4"

    public func stop() async {
        await gateway.stop()
        await rest.stop()
        await panel.stop()
        await versions.stop()
    }
}
