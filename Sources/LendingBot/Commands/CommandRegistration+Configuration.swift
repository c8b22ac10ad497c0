import Discord
import HTTP
public import Logging

extension CommandRegistration {
    /// `lending-bot register-commands`: signs in with `DISCORD_TOKEN` (the bot's id is the
    /// application's) and synchronises the commands in `DISCORD_GUILD_ID` once. Failures are
    /// `BotApplication.Failure`s, one line naming the variable to fix.
    public static func synchronize(configuration: BotConfiguration, logger: Logger) async throws -> Outcome {
        guard let token = configuration.discordToken, let guild = configuration.guildID.flatMap(GuildID.init) else {
            throw BotApplication.Failure("DISCORD_TOKEN and DISCORD_GUILD_ID are required to register the commands", configuration: true)
        }
        let http = try BotApplication.httpClient(configuration, logger: logger)
        defer { http.shutdown() }
        let discord = BotApplication.discordClient(configuration, token: token, http: http, observer: nil, logger: logger)
        let application = try await BotApplication.identify(discord, logger: logger)
        return try await BotApplication.registerCommands(discord: discord, application: application, guild: guild, logger: logger)
    }
}
