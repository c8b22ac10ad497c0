/// Who an interaction comes from: the member's id and name, roles, channel permissions (as
/// Discord computes them, a decimal bit string) and client locale.
public struct SimulatedInvoker: Sendable, Equatable {
    public var userID: String
    public var username: String
    public var roleIDs: [String]
    public var permissions: String
    public var locale: String
    /// The interaction comes from a direct message with the bot rather than from the guild.
    public var inDirectMessage = false
    /// The guild the interaction comes from when it is not the configured one: another server
    /// that also installed the application.
    public var guildID: String?
    /// The guild's preferred locale, sent as `guild_locale` and `guild.locale`.
    public var guildLocale = "en-US"

    /// Every permission: what the guild owner or an Administrator has.
    public static let allPermissions = "2251799813685247"
    /// What @everyone has in a typical guild: view, send, read history, use application commands.
    public static let memberPermissions = String((1 << 10) | (1 << 11) | (1 << 16) | (1 << 31))

    public init(userID: String, username: String, roleIDs: [String] = [], permissions: String = allPermissions, locale: String = "en-US") {
        self.userID = userID
        self.username = username
        self.roleIDs = roleIDs
        self.permissions = permissions
        self.locale = locale
    }
}

extension SimulatedInvoker {
    /// The same person, clicking in a direct message from the bot.
    public var inDirectMessages: SimulatedInvoker {
        var copy = self
        copy.inDirectMessage = true
        return copy
    }

    /// The same person, in another guild with its own preferred locale.
    public func inGuild(_ id: String, locale: String) -> SimulatedInvoker {
        var copy = self
        copy.guildID = id
        copy.guildLocale = locale
        return copy
    }
}
