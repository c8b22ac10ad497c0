public import DiscordSimulator
import Foundation
public import LendingBot
public import PanelSimulator
import Secrets

/// The world every end-to-end test seeds into the simulators: one guild with a moderators' role,
/// the panel users' role and a notices channel, its people (`Persona`), and the panel's servers
/// `server01…` that the bot lends.
public enum SeededGuild {
    public static let guildID = "1200000000000000001"
    public static let notifyChannelID = "1300000000000000001"
    /// BOARD_CHANNEL_ID: the live board's channel.
    public static let boardChannelID = "1300000000000000002"
    public static let moderatorRoleID = "1400000000000000001"
    public static let panelUserRoleID = "1400000000000000002"

    /// The panel identifier of the `number`th server.
    public static func serverIdentifier(_ number: Int) -> String { String(format: "5e%06d", number) }

    /// The bot's name of the `number`th server, as the server pool binds it.
    public static func serverName(_ number: Int) -> String { String(format: "server%02d", number) }

    /// Discord's side: `people` as users and members of the guild, with its roles and channel.
    /// - Parameter usersBlockingDMs: people (Discord ids) who accept no direct messages from the bot.
    public static func discord(people: [SimulatedInvoker], usersBlockingDMs: Set<String> = []) -> DiscordRESTSimulator.Configuration {
        DiscordRESTSimulator.Configuration(
            guildID: guildID,
            users: people.map { SimulatedUser(id: $0.userID, username: $0.username, blocksDMs: usersBlockingDMs.contains($0.userID)) },
            members: people.map { SimulatedMember(userID: $0.userID, roleIDs: Set($0.roleIDs)) },
            roles: [SimulatedRole(id: moderatorRoleID, name: "moderators"), SimulatedRole(id: panelUserRoleID, name: "panel users")],
            channels: [SimulatedChannel(id: notifyChannelID, name: "lending-notices"), SimulatedChannel(id: boardChannelID, name: "lending-board")]
        )
    }

    /// The gateway in front of `rest`, with short heartbeats and identify window so that a test
    /// waits little for a session.
    public static func gateway(for rest: DiscordRESTSimulator) -> DiscordGatewaySimulator {
        DiscordGatewaySimulator(configuration: .init(botToken: rest.configuration.botToken, heartbeatInterval: .seconds(3),
                                                     heartbeatTolerance: .seconds(2), identifyWindow: .milliseconds(200)),
                                rest: rest)
    }

    /// The panel's side: `servers` standard servers whose backups and installs take simulated time.
    public static func panel(servers: Int) -> PanelSimulator.Configuration {
        var configuration = PanelSimulator.Configuration(
            servers: (1...max(servers, 1)).map { SimulatedPanelServer.standard(id: $0, identifier: serverIdentifier($0), name: serverName($0)) },
            automaticBackupDuration: .seconds(20), automaticInstallDuration: .seconds(30))
        configuration.backupThrottleLimit = 100
        return configuration
    }

    /// The bot's configuration for this guild, with the token the REST simulator accepts.
    /// - Parameter notifyChannel: false runs without `DISCORD_NOTIFY_CHANNEL_ID`.
    public static func botConfiguration(token: String, notifyChannel: Bool) -> BotConfiguration {
        var configuration = BotConfiguration()
        // A few personas file every request here; the limit has tests of its own.
        configuration.checkoutMaxOpenRequests = 100
        configuration.discordToken = Secret(token)
        configuration.guildID = guildID
        configuration.adminRoleIDs = [moderatorRoleID]
        configuration.panelUserRoleID = panelUserRoleID
        configuration.notifyChannelID = notifyChannel ? notifyChannelID : nil
        // The board refreshes only when a test settles it (`BotHarness.settleBoard()`), so other tests never see it.
        configuration.boardChannelID = boardChannelID
        configuration.timeZone = TimeZone(identifier: "Asia/Tokyo") ?? .current
        return configuration
    }
}

/// The people of the seeded guild.
public enum Persona {
    public static let moderator = SimulatedInvoker(userID: "1500000000000000001", username: "mod", roleIDs: [SeededGuild.moderatorRoleID],
                                                   permissions: SimulatedInvoker.memberPermissions, locale: "en-US")
    public static let member = SimulatedInvoker(userID: "1500000000000000002", username: "alice", permissions: SimulatedInvoker.memberPermissions, locale: "ja")
    public static let otherMember = SimulatedInvoker(userID: "1500000000000000003", username: "bob", permissions: SimulatedInvoker.memberPermissions, locale: "en-US")
    public static let bot = SimulatedResolvedUser(id: "1500000000000000009", username: "helper-bot", isBot: true)

    /// The `number`th of a crowd of members (English locale, ordinary permissions), for tests at scale.
    public static func numbered(_ number: Int) -> SimulatedInvoker {
        SimulatedInvoker(userID: String(1_600_000_000_000_000_000 + number), username: "member\(number)",
                         permissions: SimulatedInvoker.memberPermissions, locale: "en-US")
    }

    public static func resolved(_ invoker: SimulatedInvoker) -> SimulatedResolvedUser {
        SimulatedResolvedUser(id: invoker.userID, username: invoker.username)
    }
}
