import Discord
import Lending

/// `/mcserver whitelist action [player] [id]`: the organizer or a panel user of an ACTIVE loan
/// puts a player on its server's whitelist, takes one off, or lists them, so players without
/// panel access need nobody at the console.
///
/// The loan is `id`, or the member's one ACTIVE loan; with several they are asked to name it.
/// The domain checks the member, the loan and the name under the loan's row lock and runs the
/// console command; the answer is deferred first, since the panel is called.
struct WhitelistCommand: CommandHandler {
    func run(_ context: InteractionContext, _ command: ApplicationCommandData) async throws {
        let services = context.services
        let strings = context.strings
        let action = WorkflowCommands.text("action", in: command) ?? "list"
        let player = WorkflowCommands.text("player", in: command)
        let change: WorkflowService.WhitelistChange?
        switch action {
        case "add": change = .add
        case "remove": change = .remove
        case "list": change = nil
        default: throw Refusal(strings.unknownAction)
        }
        if change != nil, player == nil { throw Refusal(strings.whitelistNeedsPlayer) }
        let loan = try await Self.loan(command, context: context)
        try await context.deferReply()
        guard let change, let player else {
            try await context.tell(strings.whitelistPlayers(try await services.workflow.whitelistedPlayers(loan: loan, by: context.invokerID), loan: loan))
            return
        }
        let result = try await services.workflow.changeWhitelist(change, player: player, loan: loan, by: context.invokerID)
        try await context.tell(strings.whitelistChanged(change == .add, player: player, changed: result.changed, loan: loan)
                               + "\n" + strings.whitelistPlayers(result.players, loan: loan))
    }

    /// The loan named by `id`, or the invoker's only loan whose whitelist they keep.
    static func loan(_ command: ApplicationCommandData, context: InteractionContext) async throws -> Int {
        if let id = try command.workflowId("id") { return id }
        let loans = try await context.services.queries.whitelistableLoans(of: context.invokerID)
        switch loans.count {
        case 0: throw Refusal(context.strings.noWhitelistableLoan)
        case 1: return loans[0].id
        default: throw Refusal(context.strings.whitelistNameTheLoan(loans.map(\.id)))
        }
    }
}

extension SlashCommand {
    static let whitelist = SlashCommand(
        .member, subcommand("whitelist", Text("Manage your loaned server's whitelist"), [
            parameter(.string, "action", Text("action"), Text("Add, remove or list"), required: true, choices: [
                choice("add", Text("Add")), choice("remove", Text("Remove")), choice("list", Text("List")),
            ]),
            parameter(.string, "player", Text("player"), Text("The Minecraft player name"),
                      required: false, length: 3...16),
            loanID(Text("The loan (default: yours)"), required: false),
        ]),
        handler: WhitelistCommand(), autocomplete: OwnLoanAutocomplete.whitelistable)
}
