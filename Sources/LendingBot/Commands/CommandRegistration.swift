public import Discord
public import Logging

/// Keeps the guild's commands equal to `CommandDefinitions` at start-up: one `GET` of what is
/// registered and, only when it differs, one bulk overwrite (`PUT`).
///
/// A restart with unchanged definitions therefore costs no write: a new command counts toward
/// Discord's 200 creates per guild per day, and an overwrite makes every client reload the
/// commands.
public enum CommandRegistration {
    public enum Outcome: Sendable, Equatable {
        /// The registered commands already matched; nothing was written.
        case unchanged
        /// The definitions were written with one bulk overwrite.
        case overwritten
    }

    public static func synchronize(_ definitions: [ApplicationCommand] = CommandDefinitions.all, discord: DiscordClient,
                                   application: ApplicationID, guild: GuildID, logger: Logger) async throws(DiscordError) -> Outcome {
        let registered = try await discord.guildCommands(application: application, guild: guild)
        if isUpToDate(registered, with: definitions) {
            logger.debug("commands are up to date", metadata: ["discord.commands": "\(registered.count)"])
            return .unchanged
        }
        _ = try await discord.overwriteGuildCommands(definitions, application: application, guild: guild)
        logger.info("commands registered", metadata: ["discord.commands": "\(definitions.count)"])
        return .overwritten
    }

    /// Whether `registered` (as Discord returns it) says the same as `definitions`, once the
    /// fields Discord adds (ids, versions) are left out and the defaults it fills in are applied
    /// to both sides. Commands compare by name in any order; options compare in order, because
    /// Discord shows them in the order given.
    public static func isUpToDate(_ registered: [ApplicationCommand], with definitions: [ApplicationCommand]) -> Bool {
        func keyed(_ commands: [ApplicationCommand]) -> [String: ApplicationCommand] {
            Dictionary(commands.map { ("\($0.type?.rawValue ?? 1):\($0.name)", $0.normalizedForComparison) }, uniquingKeysWith: { first, _ in first })
        }
        return registered.count == definitions.count && keyed(registered) == keyed(definitions)
    }
}

extension ApplicationCommand {
    /// The command with Discord's defaults written out and empty collections removed, so that a
    /// definition and Discord's echo of it compare equal.
    var normalizedForComparison: ApplicationCommand {
        var copy = self
        copy.type = type ?? .chatInput
        copy.description = description ?? ""
        copy.nameLocalizations = nameLocalizations.flatMap { $0.isEmpty ? nil : $0 }
        copy.descriptionLocalizations = descriptionLocalizations.flatMap { $0.isEmpty ? nil : $0 }
        copy.options = options.flatMap { $0.isEmpty ? nil : $0.map(\.normalizedForComparison) }
        copy.contexts = contexts.map { $0.sorted { $0.rawValue < $1.rawValue } }
        // Guild commands are guild-installed unless said otherwise.
        copy.integrationTypes = (integrationTypes ?? [0]).sorted()
        copy.isNSFW = isNSFW ?? false
        return copy
    }
}

extension CommandOption {
    var normalizedForComparison: CommandOption {
        var copy = self
        copy.nameLocalizations = nameLocalizations.flatMap { $0.isEmpty ? nil : $0 }
        copy.descriptionLocalizations = descriptionLocalizations.flatMap { $0.isEmpty ? nil : $0 }
        copy.isRequired = isRequired == true ? true : nil
        copy.hasAutocomplete = hasAutocomplete == true ? true : nil
        copy.choices = choices.flatMap { $0.isEmpty ? nil : $0.map(\.normalizedForComparison) }
        copy.options = options.flatMap { $0.isEmpty ? nil : $0.map(\.normalizedForComparison) }
        copy.channelTypes = channelTypes.flatMap { $0.isEmpty ? nil : $0.sorted() }
        return copy
    }
}

extension CommandOptionChoice {
    var normalizedForComparison: CommandOptionChoice {
        var copy = self
        copy.nameLocalizations = nameLocalizations.flatMap { $0.isEmpty ? nil : $0 }
        return copy
    }
}
