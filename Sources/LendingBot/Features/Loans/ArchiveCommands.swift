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
/// the file's path for a local-directory `ARCHIVE_TARGET`; for an rclone remote, `remote:path`
/// and a download link expiring after `linkExpiry` where the remote makes links (`rclone link`),
/// or why there is none. rclone may take longer than Discord's three seconds, so that answer is
/// deferred; it stays ephemeral, since anyone holding the link can download the world.
struct ArchiveGetCommand: CommandHandler {
    static let linkExpiry: Duration = .seconds(24 * 60 * 60)

    func run(_ context: InteractionContext, _ command: ApplicationCommandData) async throws {
        let strings = context.strings
        guard let id = command.integer("archive"), (1...Int64(Int32.max)).contains(id),
              let archive = try await context.services.queries.archive(Int(id)) else {
            throw Refusal(strings.archiveNotFound(Int(clamping: command.integer("archive") ?? 0)))
        }
        guard let target = context.services.configuration.archiveDestination() as? any LinkingArchiveDestination else {
            try await context.replyEphemeral(Limits.content(strings.archiveWhere(archive)))
            return
        }
        try await context.deferReply(ephemeral: true)
        let link = await target.link(to: archive.destination, expiry: Self.linkExpiry)
        let hours = Int(Self.linkExpiry.components.seconds / 3600)
        try await context.tell(Limits.content(strings.archiveWhere(archive) + "\n" + strings.archiveLink(link, expiryHours: hours)))
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
