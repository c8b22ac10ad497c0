public import Discord

/// The two slash commands, as registered in the guild at start-up, assembled from the
/// subcommands in `SlashCommand.all` (each defined beside its handler in `Features`).
///
/// Command, group and subcommand names are the same in every language, so that help texts and
/// notices can name them (`/mcserver reset-password`); descriptions, parameter names and choices
/// are localised in Japanese and English (`en-US`, which Discord also shows for `en-GB`). Both
/// commands exist only in the guild (`contexts: [0]`). `/mcserver-admin` is hidden from members
/// who lack Manage Guild until a server admin grants it to a moderator role; the router checks
/// moderator rights on every use anyway.
public enum CommandDefinitions {
    public static var all: [ApplicationCommand] { [member, admin] }

    /// `/mcserver`: what members do with their own requests and loans.
    public static var member: ApplicationCommand {
        let subcommands = SlashCommand.all.filter { $0.root == .member }.map(\.definition)
        return command(CommandNames.member, Text("Borrow a Minecraft server"), permissions: nil, options: subcommands)
    }

    /// `/mcserver-admin`: the moderators' workflow, loans and server pool, one group per concern,
    /// the groups in the order their first subcommand has in the list.
    public static var admin: ApplicationCommand {
        var groups: [SlashCommand.Group] = []
        for case .admin(let group) in SlashCommand.all.map(\.root) where !groups.contains(group) { groups.append(group) }
        let options = groups.map { group in
            self.group(group.name, group.description, SlashCommand.all.filter { $0.root == .admin(group) }.map(\.definition))
        }
        return command(CommandNames.admin, Text("Manage server lending (moderators)"),
                       permissions: .manageGuild, options: options)
    }

    typealias Text = SlashCommand.Text

    static func localized(_ text: Text) -> [DiscordLocale: String] {
        SlashCommand.localized(text)
    }

    static func command(_ name: String, _ description: Text, permissions: Permissions?, options: [CommandOption]) -> ApplicationCommand {
        ApplicationCommand(name: name, description: description.english, descriptionLocalizations: localized(description), type: .chatInput,
                           options: options, defaultMemberPermissions: permissions, contexts: [.guild], integrationTypes: [0])
    }

    static func group(_ name: String, _ description: Text, _ subcommands: [CommandOption]) -> CommandOption {
        CommandOption(type: .subcommandGroup, name: name, description: description.english, descriptionLocalizations: localized(description),
                      options: subcommands)
    }
}
