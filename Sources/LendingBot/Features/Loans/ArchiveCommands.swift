import Discord
import Foundation
import Lending

/// `/mcserver-admin archive list [id]`: the archived backups of returned loans, newest first (of
/// one loan with `id`), as many as fit one answer, with how many more there are.
struct ArchiveListCommand: CommandHandler {
    /// Lines of one answer: well inside Discord's 2,000 characters with the longest rclone paths cut.
    static let pageSize = 15

    func run(_ context: InteractionContext, _ command: ApplicationCommandData) async throws {
        let strings = context.strings
        let loan = try command.workflowId("id")
        let (newest, total) = try await context.services.queries.archives(of: loan, limit: Self.pageSize)
        guard !newest.isEmpty else { throw Refusal(strings.noArchives(loan: loan)) }
        let lines = newest.map { strings.archiveLine($0) }
        let more = total > newest.count ? "\n" + strings.andMore(total - newest.count) : ""
        try await context.replyEphemeral(Limits.content(strings.archiveListTitle(loan: loan) + "\n" + lines.joined(separator: "\n") + more))
    }
}

/// `/mcserver-admin archive get archive`: where one archived backup is, for the moderator alone:
/// the file's path for a local-directory `ARCHIVE_TARGET`, `remote:path` for an rclone remote.
struct ArchiveGetCommand: CommandHandler {
    func run(_ context: InteractionContext, _ command: ApplicationCommandData) async throws {
        let strings = context.strings
        guard let id = command.integer("archive"), (1...Int64(Int32.max)).contains(id),
              let archive = try await context.services.queries.archive(Int(id)) else {
            throw Refusal(strings.archiveNotFound(Int(clamping: command.integer("archive") ?? 0)))
        }
        try await context.replyEphemeral(Limits.content(strings.archiveWhere(archive)))
    }
}

extension SlashCommand.Group {
    /// `/mcserver-admin archive …`: the backups returned loans left.
    static let archives = SlashCommand.Group(name: "archive", description: SlashCommand.Text("Archives of returned loans"))
}

extension SlashCommand {
    static let archiveList = SlashCommand(.admin(.archives), subcommand("list", Text("List the archived backups"),
                                                                        [loanID(Text("Only this loan's (default: all)"), required: false)]),
                                          handler: ArchiveListCommand(), autocomplete: ReturnedLoanAutocomplete())

    static let archiveGet = SlashCommand(.admin(.archives), subcommand("get", Text("Show where an archived backup is"),
                                                                       [parameter(.integer, "archive", Text("archive"),
                                                                                  Text("The number `archive list` shows"), required: true)]),
                                         handler: ArchiveGetCommand())
}

/// Suggests returned loans for `archive list`.
struct ReturnedLoanAutocomplete: AutocompleteHandler {
    func run(_ context: InteractionContext, _ command: ApplicationCommandData) async throws {
        try await AutocompleteChoices.answer(context) {
            try await context.services.queries.search(statuses: [.returned], matching: command.typedText, idsOnly: false,
                                                      limit: AutocompleteChoices.maxChoices)
                .map(AutocompleteChoices.loan)
        }
    }
}
