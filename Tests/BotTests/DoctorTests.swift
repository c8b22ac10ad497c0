import BotTesting
import DiscordSimulator
import Foundation
import LendingBot
import PanelSimulator
import Postgres
import Testing

@Suite("lending-bot doctor against the simulators")
struct DoctorTests {
    /// The row `name` has `status` and its detail contains `fragment`; the report is not usable
    /// when the status is failed; nothing secret appears in the printed table.
    static func expect(_ report: DoctorReport, _ name: String, _ status: DoctorCheck.Status, _ fragment: String, world: DoctorWorld,
                       sourceLocation: SourceLocation = #_sourceLocation) {
        let check = report.check(name)
        #expect(check?.status == status, "\(report.table())", sourceLocation: sourceLocation)
        #expect(check?.detail.contains(fragment) == true, "\(check?.detail ?? "no row \(name)")", sourceLocation: sourceLocation)
        if status == .failed {
            #expect(!report.isUsable, sourceLocation: sourceLocation)
        }
        let table = report.table()
        for secret in world.secrets {
            #expect(!table.contains(secret), "a secret was printed", sourceLocation: sourceLocation)
        }
    }

    @Test("a correct setup: every row ok, usable, and no secret in the table")
    func correctSetup() async throws {
        try await DoctorWorld.with { world in
            let report = await world.report()
            #expect(report.isUsable)
            let notOK = report.checks.filter { $0.status != .ok }
            #expect(notOK.isEmpty, "\(report.table())")
            for name in ["configuration", "TLS CA file", "archive target", "database", "migrations", "discord token", "discord guild",
                         "notify channel", "board channel", "panel-user role", "moderator roles", "commands", "panel application key", "panel client key", "server eggs", "server types", "minecraft versions"] {
                #expect(report.check(name) != nil, "no row \(name)")
            }
            let table = report.table()
            #expect(table.hasPrefix("CHECK"))
            #expect(table.contains("usable: "))
            for secret in world.secrets { #expect(!table.contains(secret)) }
        }
    }

    @Test("server eggs: the version variable and the Java range of each pool server; an egg without a version variable or readable Java fails")
    func serverEggs() async throws {
        try await DoctorWorld.with { world in
            Self.expect(await world.report(), "server eggs", .ok, "server01: MINECRAFT_VERSION, Java 8 to 25", world: world)
        }
        try await DoctorWorld.with(panel: { $0.servers[0].variables.removeAll { $0.envVariable == "MINECRAFT_VERSION" } }) { world in
            Self.expect(await world.report(), "server eggs", .failed, "PANEL_VERSION_VARIABLE", world: world)
        }
        try await DoctorWorld.with(panel: { $0.servers[0].eggImages = ["Custom": "registry.example/minecraft:stable"] }) { world in
            Self.expect(await world.report(), "server eggs", .failed, "no image whose Java the bot can read", world: world)
        }
    }

    @Test("server types: each pool server's type as its egg reads it; a binding from before types (minecraft) is a warning naming the egg")
    func serverTypes() async throws {
        try await DoctorWorld.with { world in
            Self.expect(await world.report(), "server types", .ok, "server01: paper", world: world)
        }
        try await DoctorWorld.with(panel: { $0.servers[0].egg = .forge }) { world in
            Self.expect(await world.report(), "server types", .warning, "server01 is paper but its egg \"Forge Minecraft\" reads as forge", world: world)
        }
    }

    @Test("Mojang's version manifest: readable is ok; unreachable or a 500 is a warning that the built-in table serves")
    func versionManifest() async throws {
        try await DoctorWorld.with { world in
            Self.expect(await world.report(), "minecraft versions", .ok, "manifest readable: 11 releases, latest 26.2", world: world)
            world.versions.fault = .status(500)
            let failing = await world.report()
            Self.expect(failing, "minecraft versions", .warning, "the built-in table serves", world: world)
            #expect(failing.isUsable)
            world.versions.fault = nil
            try await world.versions.setReachable(false)
            Self.expect(await world.report(), "minecraft versions", .warning, "MINECRAFT_VERSION_MANIFEST_URL not reachable", world: world)
        }
    }

    @Test("configuration problems: one failed row per bad or missing variable, no value quoted")
    func configurationProblems() async throws {
        try await DoctorWorld.with { world in
            let report = await world.report(["CHECKOUT_MAX_PERIOD_DAYS": "hunter2", "DISCORD_GUILD_ID": nil, "PTERODACTYL_URL": "ftp://panel.example.org",
                                             "REMINDER_DAYS": "3,x"])
            Self.expect(report, "config CHECKOUT_MAX_PERIOD_DAYS", .failed, "expected a whole number in 1...365", world: world)
            Self.expect(report, "config DISCORD_GUILD_ID", .failed, "required", world: world)
            Self.expect(report, "config PTERODACTYL_URL", .failed, "expected an absolute URL", world: world)
            Self.expect(report, "config REMINDER_DAYS", .failed, "distinct whole numbers", world: world)
            Self.expect(report, "discord guild", .skipped, "DISCORD_GUILD_ID is not set", world: world)
            Self.expect(report, "panel", .skipped, "PTERODACTYL_URL", world: world)
            #expect(!report.table().contains("hunter2"))
        }
    }

    @Test("an unreachable database fails without its password; the pool's servers are not checked")
    func unreachableDatabase() async throws {
        try await DoctorWorld.with { world in
            let report = await world.report(["DATABASE_URL": "postgresql://bot:hunter2@127.0.0.1:1/lending"])
            Self.expect(report, "database", .failed, "DATABASE_URL", world: world)
            Self.expect(report, "panel client key", .skipped, "could not be read", world: world)
            #expect(!report.table().contains("hunter2"))
        }
    }

    @Test("pending migrations are a warning, and nothing is applied")
    func pendingMigrations() async throws {
        try await DoctorWorld.with(migrate: false) { world in
            let report = await world.report()
            Self.expect(report, "migrations", .warning, "12 pending (20261121000000_init, 20261122000000_lending_workflow, 20261204000000_minecraft_releases, 20261204000200_loan_isolation_hardening, 20261206000000_member_locale, 20261206100000_posted_message, 20261206110000_notice_outbox, 20261206120000_board, 20261206130000_workflow_whitelist, 20261206140000_server_types, 20261207100000_panel_users_task, 20261207200000_workflow_applicant_index)", world: world)
            Self.expect(report, "server pool", .skipped, "until the migrations are applied", world: world)
            let tables = try await world.pool.query(.init(unsafeSQL: "SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'"), named: "count tables")
            #expect(try tables.rows.first?.decode("n", as: Int.self) == 0, "the doctor created or applied something")
        }
    }

    @Test("a token Discord refuses fails the token row and skips the rest of Discord")
    func refusedToken() async throws {
        try await DoctorWorld.with { world in
            let report = await world.report(["DISCORD_TOKEN": "not.the.token"])
            Self.expect(report, "discord token", .failed, "DISCORD_TOKEN: Discord refused the token", world: world)
            #expect(report.check("discord guild") == nil)
            #expect(!report.table().contains("not.the.token"))
        }
    }

    @Test("a guild the bot is not in")
    func foreignGuild() async throws {
        try await DoctorWorld.with { world in
            let report = await world.report(["DISCORD_GUILD_ID": "1200000000000000999"])
            Self.expect(report, "discord guild", .failed, "the bot is not in this server", world: world)
        }
    }

    @Test("a notify channel that does not exist")
    func missingChannel() async throws {
        try await DoctorWorld.with { world in
            let report = await world.report(["DISCORD_NOTIFY_CHANNEL_ID": "1300000000000000999"])
            Self.expect(report, "notify channel", .failed, "DISCORD_NOTIFY_CHANNEL_ID: no such channel", world: world)
        }
    }

    @Test("a board channel that does not exist fails like a notify channel; none set is fine")
    func missingBoardChannel() async throws {
        try await DoctorWorld.with { world in
            let report = await world.report(["BOARD_CHANNEL_ID": "1300000000000000999"])
            Self.expect(report, "board channel", .failed, "BOARD_CHANNEL_ID: no such channel", world: world)
            let unset = await world.report(["BOARD_CHANNEL_ID": nil])
            Self.expect(unset, "board channel", .ok, "no live board", world: world)
            Self.expect(await world.report(), "board channel", .ok, "#lending-board", world: world)
        }
    }

    @Test("a channel whose @everyone overwrite denies SEND_MESSAGES")
    func channelDeniesPosting() async throws {
        try await DoctorWorld.with(discord: { $0.channels = [SimulatedChannel(id: SeededGuild.notifyChannelID, name: "lending-notices", isWritable: false)] }) { world in
            let report = await world.report()
            Self.expect(report, "notify channel", .failed, "the bot lacks SEND_MESSAGES in #lending-notices", world: world)
        }
    }

    @Test("no notify channel is a warning: notices go by direct message")
    func noNotifyChannel() async throws {
        try await DoctorWorld.with { world in
            let report = await world.report(["DISCORD_NOTIFY_CHANNEL_ID": nil])
            Self.expect(report, "notify channel", .warning, "direct message", world: world)
            #expect(report.isUsable)
        }
    }

    @Test("a panel-user role above the bot's highest role")
    func roleAboveBot() async throws {
        try await DoctorWorld.with(discord: {
            $0.roles = [SimulatedRole(id: SeededGuild.moderatorRoleID, name: "moderators"),
                        SimulatedRole(id: SeededGuild.panelUserRoleID, name: "panel users", isManageable: false)]
        }) { world in
            let report = await world.report()
            Self.expect(report, "panel-user role", .failed, "@panel users is not below the bot's highest role", world: world)
        }
    }

    @Test("a bot without MANAGE_ROLES")
    func missingManageRoles() async throws {
        try await DoctorWorld.with(discord: { $0.botCanManageRoles = false }) { world in
            let report = await world.report()
            Self.expect(report, "panel-user role", .failed, "the bot lacks MANAGE_ROLES", world: world)
        }
    }

    @Test("a moderator role id the guild does not have")
    func unknownModeratorRole() async throws {
        try await DoctorWorld.with { world in
            let report = await world.report(["DISCORD_ADMIN_ROLE_IDS": "1400000000000000001,1400000000000000999"])
            Self.expect(report, "moderator roles", .failed, "no role 1400000000000000999", world: world)
        }
    }

    @Test("commands not registered yet are a warning that names register-commands")
    func unregisteredCommands() async throws {
        try await DoctorWorld.with(registerCommands: false) { world in
            let report = await world.report()
            Self.expect(report, "commands", .warning, "lending-bot register-commands", world: world)
            #expect(report.isUsable)
        }
    }

    @Test("an application key as the client key is the wrong key type")
    func applicationKeyAsClientKey() async throws {
        try await DoctorWorld.with { world in
            let report = await world.report(["PTERODACTYL_CLIENT_KEY": SimulatedAPIKey.application.token])
            Self.expect(report, "panel client key", .failed, "PTERODACTYL_CLIENT_KEY: this is an application key (ptla_)", world: world)
        }
    }

    @Test("a non-admin client key as the application key is refused by the panel")
    func memberKeyAsApplicationKey() async throws {
        try await DoctorWorld.with { world in
            let report = await world.report(["PTERODACTYL_APPLICATION_KEY": DoctorWorld.memberKey.token])
            Self.expect(report, "panel application key", .failed, "a client key of an account that is not an administrator", world: world)
        }
    }

    @Test("a bound server the client key cannot see is named")
    func unseenServer() async throws {
        try await DoctorWorld.with(bindings: [("server01", "1a2b3c4d"), ("server02", "9f9f9f9f")]) { world in
            let report = await world.report()
            Self.expect(report, "panel client key", .failed, "cannot see server02 (9f9f9f9f)", world: world)
            #expect(report.check("panel client key")?.detail.contains("server01") == false)
        }
    }

    @Test("an archive directory that is missing or cannot be written")
    func archiveDirectory() async throws {
        try await DoctorWorld.with { world in
            let missing = await world.report(["ARCHIVE_TARGET": world.archiveDirectory + "/missing"])
            Self.expect(missing, "archive target", .failed, "does not exist", world: world)
            // procfs refuses new files even to root, who could write to any chmod-ed directory.
            let unwritable = await world.report(["ARCHIVE_TARGET": "/proc"])
            Self.expect(unwritable, "archive target", .failed, "cannot create a file in /proc", world: world)
            let usable = await world.report()
            Self.expect(usable, "archive target", .ok, "is writable", world: world)
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: world.archiveDirectory)
            #expect(leftovers.isEmpty, "the probe file was left behind")
        }
    }

    @Test("an rclone remote without rclone on PATH fails; with rclone and a reachable remote it is ok")
    func rcloneRemote() async throws {
        try await DoctorWorld.with { world in
            let empty = FileManager.default.temporaryDirectory.appendingPathComponent("doctor-path-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: empty) }
            let withoutRclone = await world.report(["ARCHIVE_TARGET": "doctorarchive:loans", "PATH": empty])
            Self.expect(withoutRclone, "archive target", .failed, "rclone is not on PATH", world: world)
            // A local-disk remote defined through rclone's environment variables.
            let reachable = await world.report(["ARCHIVE_TARGET": "doctorarchive:" + world.archiveDirectory, "RCLONE_CONFIG_DOCTORARCHIVE_TYPE": "local"])
            Self.expect(reachable, "archive target", .ok, "rclone remote doctorarchive: answers", world: world)
            let unknown = await world.report(["ARCHIVE_TARGET": "nosuchremote:loans"])
            Self.expect(unknown, "archive target", .warning, "rclone cannot list nosuchremote:", world: world)
        }
    }

    @Test("a TLS_CA_FILE without a PEM certificate")
    func badCAFile() async throws {
        try await DoctorWorld.with { world in
            let file = world.archiveDirectory + "/ca.pem"
            try Data("not a certificate\n".utf8).write(to: URL(fileURLWithPath: file))
            let report = await world.report(["TLS_CA_FILE": file])
            Self.expect(report, "TLS CA file", .failed, "holds no PEM certificate", world: world)
            let missing = await world.report(["TLS_CA_FILE": world.archiveDirectory + "/none.pem"])
            Self.expect(missing, "config TLS_CA_FILE", .failed, "does not exist or cannot be read", world: world)
        }
    }
}
