import Discord
import Foundation
import HTTP
public import Logging

extension CommandRegistration {
    /// `lending-bot register-commands`: signs in with `DISCORD_TOKEN` (the bot's id is the
    /// application's) and synchronises the commands in `DISCORD_GUILD_ID` once. Failures are
    /// `BotApplication.Failure`s, one line naming the variable to fix.
    public static func synchronize(configuration: BotConfiguration, logger: Logger) async throws -> Outcome {
        guard let token = configuration.discordToken, let guild = configuration.guildID.flatMap(GuildID.init) else {
            throw BotApplication.Failure("DISCORD_TOKEN and DISCORD_GUILD_ID are required to register the commands")
        }
        let http: HTTPClient
        do {
            http = try HTTPClient(configuration: HTTPClientConfiguration(caFile: configuration.tlsCAFile), logger: logger)
        } catch {
            throw BotApplication.Failure("cannot start the HTTP client: \(error)")
        }
        defer { http.shutdown() }
        let discord = DiscordClient(configuration: .init(token: token, baseURL: configuration.discordAPIURL.absoluteString), transport: http,
                                    limiter: RateLimiter(clock: ContinuousClock(), logger: logger), logger: logger)
        let application: ApplicationID
        do throws(DiscordError) {
            application = ApplicationID(try await discord.currentUser().id.rawValue)
        } catch where error.kind == .unauthorized {
            throw BotApplication.Failure("DISCORD_TOKEN: Discord refused the bot token")
        } catch {
            throw BotApplication.Failure("cannot reach Discord at DISCORD_API_URL: \(error)")
        }
        do {
            return try await synchronize(discord: discord, application: application, guild: guild, logger: logger)
        } catch {
            throw BotApplication.Failure("cannot register the commands in DISCORD_GUILD_ID (is the bot in that server, invited with the applications.commands scope?): \(error)")
        }
    }
}
