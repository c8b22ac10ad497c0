import BotTesting
import DiscordSimulator
import Foundation
import Lending
import LendingBot
import Logging
import PanelSimulator
import Postgres
import PostgresTesting
import TestSupport

/// `Doctor` against the Discord REST and panel simulators and a fresh database, configured the
/// way a correct deployment is; each test changes one thing and reads the report.
struct DoctorWorld: Sendable {
    /// A value of `PTERODACTYL_HEADERS` that must never be printed.
    static let proxySecret = "proxy-secret-4d9f"
    static let memberKey = SimulatedAPIKey.memberClient

    let rest: DiscordRESTSimulator
    let panel: PanelSimulator
    /// Mojang's version manifest.
    let versions: VersionManifestSimulator
    let databaseURL: String
    let archiveDirectory: String
    let pool: PostgresPool

    /// The environment of a correct setup.
    var environment: [String: String] {
        [
            "DATABASE_URL": databaseURL,
            "DISCORD_TOKEN": rest.configuration.botToken,
            "DISCORD_GUILD_ID": SeededGuild.guildID,
            "DISCORD_API_URL": rest.baseURL.absoluteString,
            "DISCORD_NOTIFY_CHANNEL_ID": SeededGuild.notifyChannelID,
            "BOARD_CHANNEL_ID": SeededGuild.boardChannelID,
            "DISCORD_PANEL_USER_ROLE_ID": SeededGuild.panelUserRoleID,
            "DISCORD_ADMIN_ROLE_IDS": SeededGuild.moderatorRoleID,
            "PTERODACTYL_URL": panel.baseURL,
            "PTERODACTYL_APPLICATION_KEY": SimulatedAPIKey.application.token,
            "PTERODACTYL_CLIENT_KEY": SimulatedAPIKey.adminClient.token,
            "PTERODACTYL_HEADERS": #"{"X-Access-Token": "\#(Self.proxySecret)"}"#,
            "ARCHIVE_TARGET": archiveDirectory,
            "MINECRAFT_VERSION_MANIFEST_URL": versions.manifestURL.absoluteString,
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "",
        ]
    }

    /// Every secret of `environment`, for "never printed" checks.
    var secrets: [String] {
        [rest.configuration.botToken, SimulatedAPIKey.application.token, SimulatedAPIKey.adminClient.token, Self.memberKey.token, Self.proxySecret]
    }

    /// - Parameters:
    ///   - migrate: false leaves the database empty, with every migration pending.
    ///   - registerCommands: false leaves the guild without commands.
    ///   - discord: changes to the simulated guild.
    static func with(migrate: Bool = true, registerCommands: Bool = true, bindings: [(String, String)] = [("server01", "1a2b3c4d")],
                     discord: (inout DiscordRESTSimulator.Configuration) -> Void = { _ in },
                     panel adjustPanel: (inout PanelSimulator.Configuration) -> Void = { _ in },
                     _ body: (DoctorWorld) async throws -> Void) async throws {
        let logger = Logger(label: "test.doctor")
        var restConfiguration = SeededGuild.discord(people: [])
        // The guild's owner (the first user) holds every permission; it must not be the bot.
        restConfiguration.users = [SimulatedUser(id: "1500000000000000001", username: "owner")]
        discord(&restConfiguration)
        var panelConfiguration = PanelSimulator.Configuration.withMember
        adjustPanel(&panelConfiguration)
        let archive = FileManager.default.temporaryDirectory.appendingPathComponent("doctor-archive-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: archive, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: archive) }
        // The simulators start once a database is held: started first, every waiting test would
        // keep two servers (each a blocked dispatch thread) alive while it waits.
        try await TestDatabase.with { pool in
            let rest = DiscordRESTSimulator(configuration: restConfiguration)
            try await rest.start()
            let panel = PanelSimulator(configuration: panelConfiguration)
            do {
                try await panel.start()
                try await run(rest: rest, panel: panel, pool: pool, archive: archive, migrate: migrate, registerCommands: registerCommands,
                              bindings: bindings, logger: logger, body)
            } catch {
                await panel.stop()
                await rest.stop()
                throw error
            }
            await panel.stop()
            await rest.stop()
        }
    }

    private static func run(rest: DiscordRESTSimulator, panel: PanelSimulator, pool: PostgresPool, archive: String, migrate: Bool, registerCommands: Bool,
                            bindings: [(String, String)], logger: Logger, _ body: (DoctorWorld) async throws -> Void) async throws {
        if migrate {
            _ = try await Migrator(pool: pool, logger: logger).migrate(try Migration.load(from: PackageRoot.path("Prisma/migrations")))
            for (name, identifier) in bindings {
                _ = try await ServerBindingTable.insert(name: name, pteroId: identifier, serverType: "paper", at: Date(), on: pool)
            }
        }
        let cluster = pool.configuration
        let url = "postgresql://\(cluster.user ?? "postgres")@\(cluster.host):\(cluster.port)/\(cluster.database ?? "postgres")"
        let versions = VersionManifestSimulator()
        try await versions.start()
        defer { Task { await versions.stop() } }
        let world = DoctorWorld(rest: rest, panel: panel, versions: versions, databaseURL: url, archiveDirectory: archive, pool: pool)
        if registerCommands {
            let (configuration, _) = BotConfiguration.reading(environment: world.environment, purpose: .run)
            _ = try await CommandRegistration.synchronize(configuration: configuration, logger: logger)
        }
        try await body(world)
    }

    /// Runs the doctor on `environment` with `changes` applied (nil removes a variable).
    func report(_ changes: [String: String?] = [:]) async -> DoctorReport {
        var values = environment
        for (name, value) in changes { values[name] = value }
        let options = Doctor.Options(migrationsFolder: PackageRoot.path("Prisma/migrations"))
        return await Doctor(environment: values, options: options, logger: Logger(label: "test.doctor")).run()
    }
}
