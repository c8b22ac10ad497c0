import Foundation
import Logging
import Secrets

extension BotConfiguration {
    /// What the configuration is needed for, which decides what is required.
    public enum Purpose: Sendable {
        /// `migrate`: only the database.
        case database
        /// `run`: Discord, the panel and the database.
        case run
    }

    /// Every problem found, so an operator fixes them all in one go. Messages name the variable and
    /// what was expected, never the value.
    public struct Problems: Error, Sendable, Equatable, CustomStringConvertible {
        /// Required variables that are unset, with what each is for.
        public var missing: [String] = []
        /// Variables whose value cannot be used.
        public var invalid: [String] = []

        public var isEmpty: Bool { missing.isEmpty && invalid.isEmpty }

        public var description: String { (invalid + missing).joined(separator: "\n") }
    }

    /// Reads `environment` (the process environment merged over `.env`). Throws when anything is
    /// invalid or, for `purpose`, missing; the thrown `Problems` lists each one.
    public init(environment: [String: String], purpose: Purpose) throws(Problems) {
        self.init()
        var reader = EnvironmentReader(environment, purpose: purpose)
        read(from: &reader)
        if !reader.problems.isEmpty {
            throw reader.problems
        }
    }

    /// Reads what can be read and collects every problem instead of throwing: a bad or missing
    /// value keeps its default (or stays nil), so `lending-bot doctor` can still check the rest.
    public static func reading(environment: [String: String], purpose: Purpose) -> (configuration: BotConfiguration, problems: Problems) {
        var configuration = BotConfiguration()
        var reader = EnvironmentReader(environment, purpose: purpose)
        configuration.read(from: &reader)
        return (configuration, reader.problems)
    }

    /// The name of every variable the configuration reads, in reading order: what
    /// `deploy/lending-bot.env.example` and the README must list.
    public static var environmentVariableNames: [String] {
        variablesRead().names
    }

    /// The prefixes of the families passed on whole (`RCLONE_*`), in reading order.
    public static var environmentVariablePrefixes: [String] {
        variablesRead().prefixes
    }

    /// What reading an empty environment asks for: the reading itself, not the table, so tests can
    /// hold the table (`variables`) against it.
    private static func variablesRead() -> (names: [String], prefixes: [String]) {
        var reader = EnvironmentReader([:], purpose: .run)
        var configuration = BotConfiguration()
        configuration.read(from: &reader)
        return (reader.namesRead, reader.prefixesRead)
    }

    private mutating func read(from reader: inout EnvironmentReader) {
        databaseURL = reader.secret("DATABASE_URL")
        discordToken = reader.secret("DISCORD_TOKEN")
        guildID = reader.snowflake("DISCORD_GUILD_ID")
        discordAPIURL = reader.url("DISCORD_API_URL", schemes: ["https", "http"]) ?? discordAPIURL
        gatewayURL = reader.url("DISCORD_GATEWAY_URL", schemes: ["wss", "ws"])
        adminRoleIDs = reader.snowflakes("DISCORD_ADMIN_ROLE_IDS")
        panelUserRoleID = reader.snowflake("DISCORD_PANEL_USER_ROLE_ID")
        notifyChannelID = reader.snowflake("DISCORD_NOTIFY_CHANNEL_ID")
        boardChannelID = reader.snowflake("BOARD_CHANNEL_ID")

        pterodactylURL = reader.url("PTERODACTYL_URL", schemes: ["https", "http"])
        pterodactylApplicationKey = reader.secret("PTERODACTYL_APPLICATION_KEY")
        pterodactylClientKey = reader.secret("PTERODACTYL_CLIENT_KEY")
        pterodactylHeaders = reader.headers("PTERODACTYL_HEADERS")

        panelEmailDomain = reader.domain("PANEL_EMAIL_DOMAIN") ?? panelEmailDomain
        panelKeepSubusers = reader.emails("PANEL_KEEP_SUBUSERS")
        checkoutMaxPeriodDays = reader.integer("CHECKOUT_MAX_PERIOD_DAYS", in: 1...365) ?? checkoutMaxPeriodDays
        checkoutExtendDays = reader.integer("CHECKOUT_EXTEND_DAYS", in: 1...365) ?? checkoutExtendDays
        checkoutExtendLimit = reader.integer("CHECKOUT_EXTEND_LIMIT", in: 0...100) ?? checkoutExtendLimit
        checkoutMaxOpenRequests = reader.integer("CHECKOUT_MAX_OPEN_REQUESTS", in: 1...100) ?? checkoutMaxOpenRequests
        reminderDays = reader.integers("REMINDER_DAYS", in: 1...365) ?? reminderDays
        expiryAction = reader.choice("EXPIRY_ACTION", of: ExpiryAction.self) ?? expiryAction
        schedulerIntervalSeconds = reader.integer("SCHEDULER_INTERVAL_SECONDS", in: 5...86_400) ?? schedulerIntervalSeconds
        archiveTarget = reader.archiveTarget("ARCHIVE_TARGET")
        rcloneEnvironment = reader.passthrough(prefix: "RCLONE_")
        resetMode = reader.choice("RESET_MODE", of: ResetMode.self) ?? resetMode
        panelVersionVariable = reader.variableName("PANEL_VERSION_VARIABLE")
        panelInstallTimeoutSeconds = reader.integer("PANEL_INSTALL_TIMEOUT_SECONDS", in: 30...86_400) ?? panelInstallTimeoutSeconds
        startOnApproval = reader.boolean("START_ON_APPROVAL") ?? startOnApproval
        timeZone = reader.timeZone("TIMEZONE") ?? timeZone
        minecraftVersionManifestURL = reader.url("MINECRAFT_VERSION_MANIFEST_URL", schemes: ["https", "http"]) ?? minecraftVersionManifestURL
        minecraftVersionsRefreshHours = reader.integer("MINECRAFT_VERSIONS_REFRESH_HOURS", in: 1...720) ?? minecraftVersionsRefreshHours
        tlsCAFile = reader.readableFile("TLS_CA_FILE")
        healthListen = reader.hostAndPort("HEALTH_LISTEN")
        logLevel = reader.choice("LOG_LEVEL", of: Logger.Level.self) ?? logLevel
        logFormat = reader.choice("LOG_FORMAT", of: LogFormat.self) ?? logFormat
    }
}
