import Foundation
import Lending
import LendingBot
import Logging
import Secrets
import Testing

@Suite("The configuration contract")
struct BotConfigurationTests {
    static let complete: [String: String] = [
        "DISCORD_TOKEN": "token-value-123",
        "DISCORD_GUILD_ID": "123456789012345678",
        "DATABASE_URL": "postgresql://bot:db-password@localhost/lending",
        "PTERODACTYL_URL": "https://panel.example.org",
        "PTERODACTYL_APPLICATION_KEY": "ptla_application_secret",
        "PTERODACTYL_CLIENT_KEY": "ptlc_client_secret",
    ]

    @Test("defaults match README's configuration table when only the required variables are set")
    func defaults() throws {
        let configuration = try BotConfiguration(environment: Self.complete, purpose: .run)
        #expect(configuration.discordAPIURL.absoluteString == "https://discord.com/api/v10")
        #expect(configuration.gatewayURL == nil)
        #expect(configuration.adminRoleIDs.isEmpty)
        #expect(configuration.panelEmailDomain == "kpw.local")
        #expect(configuration.checkoutMaxPeriodDays == 30)
        #expect(configuration.checkoutExtendDays == 7)
        #expect(configuration.checkoutExtendLimit == 1 && configuration.lendingPolicy(subuserPermissions: []).extendLimit == 1)
        #expect(configuration.reminderDays == [3, 1])
        #expect(configuration.expiryAction == .returnLoan)
        #expect(configuration.schedulerIntervalSeconds == 60)
        #expect(configuration.archiveTarget == .none)
        #expect(configuration.archiveDestination() == nil)
        #expect(configuration.resetMode == .deleteFiles)
        #expect(configuration.healthListen == nil)
        #expect(configuration.logLevel == .info)
        #expect(configuration.logFormat == .text)
        #expect(configuration.pterodactylHeaders.isEmpty)
        #expect(configuration.minecraftVersionManifestURL.absoluteString == "https://piston-meta.mojang.com/mc/game/version_manifest_v2.json")
        #expect(configuration.minecraftVersionsRefreshHours == 24)
    }

    @Test("every optional variable is read into its typed value")
    func everything() throws {
        var environment = Self.complete
        environment.merge([
            "DISCORD_API_URL": "http://127.0.0.1:8080/api/v10",
            "DISCORD_GATEWAY_URL": "ws://127.0.0.1:8081",
            "DISCORD_ADMIN_ROLE_IDS": "111111111111111111, 222222222222222222",
            "DISCORD_PANEL_USER_ROLE_ID": "333333333333333333",
            "DISCORD_NOTIFY_CHANNEL_ID": "444444444444444444",
            "PTERODACTYL_HEADERS": "{\"CF-Access-Client-Id\": \"id\", \"CF-Access-Client-Secret\": \"proxy-secret\"}",
            "PANEL_EMAIL_DOMAIN": "Example.ORG",
            "PANEL_KEEP_SUBUSERS": "admin@example.org,ops@example.org",
            "CHECKOUT_MAX_PERIOD_DAYS": "14",
            "CHECKOUT_EXTEND_DAYS": "3",
            "CHECKOUT_EXTEND_LIMIT": "0",
            "CHECKOUT_MAX_OPEN_REQUESTS": "5",
            "REMINDER_DAYS": "1,7,3",
            "EXPIRY_ACTION": "notify",
            "SCHEDULER_INTERVAL_SECONDS": "30",
            "ARCHIVE_TARGET": "gdrive:lending/archive",
            "RESET_MODE": "reinstall",
            "TIMEZONE": "Asia/Tokyo",
            "HEALTH_LISTEN": "127.0.0.1:9090",
            "LOG_LEVEL": "debug",
            "LOG_FORMAT": "json",
            "MINECRAFT_VERSION_MANIFEST_URL": "http://127.0.0.1:8090/mc/game/version_manifest_v2.json",
            "MINECRAFT_VERSIONS_REFRESH_HOURS": "6",
        ]) { $1 }
        let configuration = try BotConfiguration(environment: environment, purpose: .run)
        #expect(configuration.discordAPIURL.absoluteString == "http://127.0.0.1:8080/api/v10")
        #expect(configuration.gatewayURL?.absoluteString == "ws://127.0.0.1:8081")
        #expect(configuration.adminRoleIDs == ["111111111111111111", "222222222222222222"])
        #expect(configuration.pterodactylHeaders["CF-Access-Client-Secret"]?.revealed() == "proxy-secret")
        #expect(configuration.panelEmailDomain == "example.org")
        #expect(configuration.panelKeepSubusers == ["admin@example.org", "ops@example.org"])
        #expect(configuration.reminderDays == [7, 3, 1])
        #expect(configuration.expiryAction == .notifyModerators)
        #expect(configuration.archiveTarget == .rclone(remote: "gdrive", path: "lending/archive"))
        #expect(configuration.archiveDestination()?.displayName == "gdrive:lending/archive")
        let policy = configuration.lendingPolicy(subuserPermissions: ["control.start"])
        #expect(policy.reminderDays == [7, 3, 1] && policy.expiryAction == .notifyModerators && policy.resetMode == .reinstall)
        #expect(policy.extendLimit == 0 && policy.extendDays == 3)
        #expect(policy.maxOpenRequests == 5 && BotConfiguration().lendingPolicy(subuserPermissions: []).maxOpenRequests == 2)
        #expect(policy.keepSubuserEmails == ["admin@example.org", "ops@example.org"] && policy.timeZone.identifier == "Asia/Tokyo")
        #expect(configuration.resetMode == .reinstall)
        #expect(configuration.timeZone.identifier == "Asia/Tokyo")
        #expect(configuration.healthListen == .init(host: "127.0.0.1", port: 9090))
        #expect(configuration.logLevel == .debug)
        #expect(configuration.logFormat == .json)
        #expect(configuration.minecraftVersionManifestURL.absoluteString == "http://127.0.0.1:8090/mc/game/version_manifest_v2.json")
        #expect(configuration.versionCatalogConfiguration.refreshInterval == .seconds(6 * 3600))
    }

    @Test("a bad value names the variable and what was expected, never the value", arguments: [
        ("DISCORD_GUILD_ID", "not-a-snowflake"),
        ("DISCORD_ADMIN_ROLE_IDS", "123,abc"),
        ("DISCORD_API_URL", "discord.com/api"),
        ("PTERODACTYL_URL", "ftp://panel"),
        ("PTERODACTYL_HEADERS", "[\"not\", \"an object\"]"),
        ("PTERODACTYL_HEADERS", "{\"X-Bad\": \"line\\nbreak\"}"),
        ("PANEL_EMAIL_DOMAIN", "no spaces allowed"),
        ("PANEL_KEEP_SUBUSERS", "admin@example.org,not-an-email"),
        ("CHECKOUT_MAX_PERIOD_DAYS", "0"),
        ("CHECKOUT_EXTEND_DAYS", "seven"),
        ("CHECKOUT_EXTEND_LIMIT", "-1"),
        ("CHECKOUT_EXTEND_LIMIT", "101"),
        ("CHECKOUT_MAX_OPEN_REQUESTS", "lots"),
        ("REMINDER_DAYS", "3,3"),
        ("EXPIRY_ACTION", "delete"),
        ("SCHEDULER_INTERVAL_SECONDS", "1"),
        ("ARCHIVE_TARGET", "relative/path"),
        ("RESET_MODE", "wipe"),
        ("TIMEZONE", "Mars/Olympus"),
        ("TLS_CA_FILE", "/nonexistent/ca.pem"),
        ("HEALTH_LISTEN", "localhost"),
        ("LOG_LEVEL", "loud"),
        ("LOG_FORMAT", "xml"),
        ("MINECRAFT_VERSION_MANIFEST_URL", "piston-meta/manifest.json"),
        ("MINECRAFT_VERSIONS_REFRESH_HOURS", "0.5"),
        ("MINECRAFT_VERSIONS_REFRESH_HOURS", "721"),
    ])
    func invalid(name: String, value: String) {
        var environment = Self.complete
        environment[name] = value
        let problems = #expect(throws: BotConfiguration.Problems.self) {
            try BotConfiguration(environment: environment, purpose: .run)
        }
        #expect(problems?.invalid.count == 1)
        #expect(problems?.invalid.first?.hasPrefix("\(name): expected") == true || problems?.invalid.first?.hasPrefix("\(name): ") == true)
        #expect(problems.map { "\($0)" }?.contains(value) == false, "the value must not be echoed")
    }

    @Test("all problems are reported at once, missing and invalid alike")
    func allAtOnce() {
        let problems = #expect(throws: BotConfiguration.Problems.self) {
            try BotConfiguration(environment: ["CHECKOUT_EXTEND_DAYS": "-1", "LOG_LEVEL": "loud"], purpose: .run)
        }
        #expect(problems?.invalid.count == 2)
        #expect(problems?.missing.map { $0.prefix { $0 != ":" } } == [
            "DATABASE_URL", "DISCORD_TOKEN", "DISCORD_GUILD_ID", "PTERODACTYL_URL", "PTERODACTYL_APPLICATION_KEY", "PTERODACTYL_CLIENT_KEY",
        ])
    }

    @Test("migrating needs only DATABASE_URL")
    func databaseOnly() throws {
        let configuration = try BotConfiguration(environment: ["DATABASE_URL": "host=/tmp dbname=x"], purpose: .database)
        #expect(configuration.databaseURL?.revealed() == "host=/tmp dbname=x")
        #expect(configuration.discordToken == nil)
    }

    @Test("secrets print as a marker in every form")
    func secretsRedacted() throws {
        let configuration = try BotConfiguration(environment: Self.complete, purpose: .run)
        var dumped = ""
        dump(configuration, to: &dumped)
        let printed = "\(configuration) \(String(reflecting: configuration)) \(dumped)"
        for secret in ["token-value-123", "db-password", "ptla_application_secret", "ptlc_client_secret"] {
            #expect(!printed.contains(secret), "\(secret) leaked")
        }
    }
}
