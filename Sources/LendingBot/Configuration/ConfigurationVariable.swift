/// One environment variable the bot knows: its name, when it must be set, and one short line for
/// `lending-bot --help`.
///
/// `BotConfiguration.variables` is the only list of them: the reader takes from it whether a
/// variable is required, and the help prints it, so a variable added to one is in the other.
public struct ConfigurationVariable: Sendable, Equatable {
    public enum Requirement: Sendable, Equatable {
        /// Every command that reads the configuration needs it; `reason` ends "required for …".
        case always(reason: String)
        /// `run` needs it (and `doctor` checks it); `reason` ends "required for …".
        case forRun(reason: String)
        case optional
    }

    /// The variable's name, or for a family passed on as a whole, its prefix followed by `*`.
    public let name: String
    public let requirement: Requirement
    /// At most `summaryLimit` characters, so that a help line fits 80 columns unwrapped.
    public let summary: String

    /// Longest summary: the help's name and requirement columns take 46 columns, and a line of 80
    /// or more is wrapped.
    public static let summaryLimit = 33

    init(_ name: String, _ summary: String, _ requirement: Requirement = .optional) {
        self.name = name
        self.requirement = requirement
        self.summary = summary
    }

    /// A family such as `RCLONE_*`: every variable with the prefix is passed on, none is read.
    public var isPrefix: Bool { name.hasSuffix("*") }

    /// Why it is required for `purpose`, or nil when it may be unset.
    func requiredReason(for purpose: BotConfiguration.Purpose) -> String? {
        switch (requirement, purpose) {
        case (.always(let reason), _), (.forRun(let reason), .run): reason
        case (.forRun, .database), (.optional, _): nil
        }
    }
}

extension BotConfiguration {
    /// Every variable the configuration reads, in reading order (the README's order too).
    public static let variables: [ConfigurationVariable] = [
        .init("DATABASE_URL", "PostgreSQL URL or libpq string", .always(reason: "the database connection")),
        .init("DISCORD_TOKEN", "the bot's token", .forRun(reason: "connecting to Discord")),
        .init("DISCORD_GUILD_ID", "the guild the bot serves", .forRun(reason: "registering commands in the community's server")),
        .init("DISCORD_API_URL", "Discord REST base URL"),
        .init("DISCORD_GATEWAY_URL", "gateway URL override"),
        .init("DISCORD_ADMIN_ROLE_IDS", "moderator role ids, comma list"),
        .init("DISCORD_PANEL_USER_ROLE_ID", "role given to panel users"),
        .init("DISCORD_NOTIFY_CHANNEL_ID", "channel for notices"),
        .init("BOARD_CHANNEL_ID", "channel of the live board"),
        .init("PTERODACTYL_URL", "panel base URL", .forRun(reason: "reaching the panel")),
        .init("PTERODACTYL_APPLICATION_KEY", "application API key (accounts)", .forRun(reason: "creating panel accounts")),
        .init("PTERODACTYL_CLIENT_KEY", "an admin account's client API key", .forRun(reason: "sub-users, backups and power")),
        .init("PTERODACTYL_HEADERS", "extra panel headers, JSON object"),
        .init("PANEL_EMAIL_DOMAIN", "email domain of panel accounts"),
        .init("PANEL_KEEP_SUBUSERS", "emails never revoked, comma list"),
        .init("CHECKOUT_MAX_PERIOD_DAYS", "longest loan a member may ask for"),
        .init("CHECKOUT_EXTEND_DAYS", "days one extension adds"),
        .init("CHECKOUT_EXTEND_LIMIT", "extensions an organizer may make"),
        .init("CHECKOUT_MAX_OPEN_REQUESTS", "open requests one member may have"),
        .init("REMINDER_DAYS", "days before the end to remind"),
        .init("EXPIRY_ACTION", "return or notify at the end"),
        .init("SCHEDULER_INTERVAL_SECONDS", "how often the scheduler looks"),
        .init("ARCHIVE_TARGET", "directory or rclone remote:path"),
        .init("RCLONE_*", "passed on to rclone"),
        .init("RESET_MODE", "delete-files, reinstall or none"),
        .init("PANEL_VERSION_VARIABLE", "egg variable holding the version"),
        .init("PANEL_INSTALL_TIMEOUT_SECONDS", "how long an install may take"),
        .init("START_ON_APPROVAL", "start the server once installed"),
        .init("TIMEZONE", "IANA zone for dates people type"),
        .init("MINECRAFT_VERSION_MANIFEST_URL", "Mojang's version manifest"),
        .init("MINECRAFT_VERSIONS_REFRESH_HOURS", "how long the manifest stays good"),
        .init("TLS_CA_FILE", "extra CA bundle for TLS"),
        .init("HEALTH_LISTEN", "host:port of health and metrics"),
        .init("LOG_LEVEL", "trace, debug, info, ... critical"),
        .init("LOG_FORMAT", "text, or json (one object a line)"),
    ]

    /// The table's entry for `name` (a prefix entry for a name it covers is not returned).
    public static func variable(named name: String) -> ConfigurationVariable? {
        variables.first { $0.name == name }
    }
}
