public import Foundation
public import Lending
import LendingAdapters
public import Logging
public import Secrets

/// Everything the bot is told through its environment (docs/ARCHITECTURE.md#configuration), as typed values.
///
/// Defaults live here and nowhere else; reading the environment is `BotConfiguration+Environment.swift`.
public struct BotConfiguration: Sendable {
    /// `EXPIRY_ACTION`, as the workflow knows it.
    public typealias ExpiryAction = LendingPolicy.ExpiryAction
    /// `RESET_MODE`, as the workflow knows it.
    public typealias ResetMode = ServerResetMode

    public enum ArchiveTarget: Sendable, Equatable {
        /// No archive: backups are not kept when a loan ends.
        case none
        case localDirectory(String)
        /// An rclone remote and path, `remote:path`.
        case rclone(remote: String, path: String)
    }

    public enum LogFormat: String, Sendable, CaseIterable {
        case text
        case json
    }

    public var discordToken: Secret?
    public var guildID: String?
    public var discordAPIURL = URL(string: "https://discord.com/api/v10")!
    public var gatewayURL: URL?
    public var adminRoleIDs: [String] = []
    public var panelUserRoleID: String?
    public var notifyChannelID: String?
    /// Where the live board is kept (one message, edited on every change); nil keeps none.
    public var boardChannelID: String?

    public var databaseURL: Secret?

    public var pterodactylURL: URL?
    public var pterodactylApplicationKey: Secret?
    public var pterodactylClientKey: Secret?
    /// Extra headers for every panel request (an access proxy's token, say); values are secrets.
    public var pterodactylHeaders: [String: Secret] = [:]

    public var panelEmailDomain = "kpw.local"
    public var panelKeepSubusers: [String] = []
    public var checkoutMaxPeriodDays = 30
    public var checkoutExtendDays = 7
    /// How many times an organizer may extend one loan themselves (`CHECKOUT_EXTEND_LIMIT`).
    public var checkoutExtendLimit = 1
    public var checkoutMaxOpenRequests = 2
    public var reminderDays = [3, 1]
    public var expiryAction = ExpiryAction.returnLoan
    public var schedulerIntervalSeconds = 60
    public var archiveTarget = ArchiveTarget.none
    /// The `RCLONE_*` variables of the environment and `.env` (a remote defined there, say), which
    /// every rclone run gets: `.env` is not the process environment rclone would inherit.
    public var rcloneEnvironment: [String: String] = [:]
    public var resetMode = ResetMode.deleteFiles
    /// `PANEL_VERSION_VARIABLE`: the egg variable that holds the Minecraft version; nil looks for
    /// the stock eggs' `MINECRAFT_VERSION`, `VANILLA_VERSION`, `MC_VERSION` in that order.
    public var panelVersionVariable: String?
    /// `PANEL_INSTALL_TIMEOUT_SECONDS`: how long an approval waits for the egg's install script.
    public var panelInstallTimeoutSeconds = 900
    /// `START_ON_APPROVAL`: start the server once it is installed, before access is granted.
    public var startOnApproval = true
    public var timeZone = TimeZone.current
    /// Mojang's version manifest, or a mirror of it (`MINECRAFT_VERSION_MANIFEST_URL`).
    public var minecraftVersionManifestURL = MojangVersionManifest.defaultURL
    /// How long the cached manifest stays good (`MINECRAFT_VERSIONS_REFRESH_HOURS`): Mojang
    /// releases a few times a year, so a day is plenty.
    public var minecraftVersionsRefreshHours = 24
    public var tlsCAFile: String?
    public var healthListen: HostAndPort?
    public var logLevel = Logger.Level.info
    public var logFormat = LogFormat.text

    public init() {}

    public struct HostAndPort: Sendable, Equatable {
        public let host: String
        public let port: Int

        public init(host: String, port: Int) {
            self.host = host
            self.port = port
        }
    }
}
