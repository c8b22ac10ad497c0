extension DiscordClient {
    /// The bot's own user (its id is the application's for bots created since 2020).
    public func currentUser() async throws(DiscordError) -> User {
        let route = Route.getCurrentUser
        return try decode(User.self, from: await send(route), route: route)
    }

    /// Where to connect the gateway and how many sessions may still start today.
    public func gatewayBot() async throws(DiscordError) -> GatewayBot {
        let route = Route.getGatewayBot
        return try decode(GatewayBot.self, from: await send(route), route: route)
    }

    /// A command as Discord registered it: the id it gave.
    public struct RegisteredCommand: Sendable, Hashable, Decodable {
        public let id: CommandID
        public let name: String
    }

    /// The commands registered in `guild` as Discord stores them: the definitions as sent plus the
    /// fields Discord adds (`id`, `version`, `application_id`, defaults), which decoding keeps only
    /// where `ApplicationCommand` models them.
    public func guildCommands(application: ApplicationID, guild: GuildID) async throws(DiscordError) -> [ApplicationCommand] {
        let route = Route.getGuildCommands(application, guild)
        return try decode([ApplicationCommand].self, from: await send(route), route: route)
    }

    /// Replaces every command of the application in `guild` (a bulk overwrite: commands left out
    /// are deleted). Each command is checked against Discord's limits first.
    public func overwriteGuildCommands(_ commands: [ApplicationCommand], application: ApplicationID, guild: GuildID) async throws(DiscordError) -> [RegisteredCommand] {
        let route = Route.bulkOverwriteGuildCommands(application, guild)
        for (index, command) in commands.enumerated() {
            do {
                try command.validate(at: "\(index)")
            } catch {
                throw DiscordError(.invalidPayload(error), route: "\(route.method) \(route.template)")
            }
        }
        let response = try await send(route, body: encodeWithoutLimits(commands, for: route))
        return try decode([RegisteredCommand].self, from: response, route: route)
    }
}
