import Discord
import Foundation
import Lending

/// `/mcserver help`: what each command does, in the invoker's language, ephemerally.
///
/// The list is read from `SlashCommand.all`, the one list the registered definitions are made
/// from, so it names exactly the commands Discord offers, each with its registered description.
/// Moderators (as the router decides: `InteractionContext.isModerator`) also see the admin
/// commands; members see only their own. While the pool has servers of several types, a line
/// after the member's commands says that `/mcserver checkout` takes the type.
struct HelpCommand: CommandHandler {
    func run(_ context: InteractionContext, _ command: ApplicationCommandData) async throws {
        let strings = context.strings
        var sections = ["**\(strings.helpMemberCommands)**", Self.lines(.member, strings: strings)]
        let types = try await RequestFormOpening.typeCounts(context.services).map(\.type)
        if types.count > 1 { sections.append(strings.helpServerTypes(types)) }
        if context.isModerator {
            sections += ["**\(strings.helpModeratorCommands)**", Self.lines(nil, strings: strings)]
        }
        let embed = Embed(title: strings.helpTitle, description: Limits.cut(sections.joined(separator: "\n"), Limit.embedDescription.value),
                          color: LoanEmbed.color(.pending))
        try await context.replyEphemeral(strings.helpIntro, embeds: [embed])
    }

    /// One line per subcommand under `root` (nil: every admin group), `/path`: description.
    static func lines(_ root: SlashCommand.Root?, strings: Strings) -> String {
        SlashCommand.all.filter { command in
            switch (root, command.root) {
            case (.member?, .member): true
            case (nil, .admin): true
            default: false
            }
        }
        .map { "`/\($0.path)` — \(description(of: $0.definition, strings: strings))" }
        .joined(separator: "\n")
    }

    static func description(of option: CommandOption, strings: Strings) -> String {
        let locale = strings.language.commandLocale
        return option.descriptionLocalizations?[locale] ?? option.description
    }
}

extension SlashCommand {
    static let help = SlashCommand(
        .member, subcommand("help", Text("Show what each command does")),
        handler: HelpCommand())
}
