import Discord
import Foundation
import Lending

/// `/mcserver return [id]`: asks the organizer to confirm, then queues the return.
///
/// Nothing is returned by the command itself: it shows an ephemeral confirmation whose button
/// (`loan.return:<id>`) carries only the loan's id. The click checks again, in the transaction
/// that queues the task, that the clicker is the organizer or a moderator and that the loan is
/// still ACTIVE with no return under way; so a forwarded or replayed button, a double click, or
/// a loan returned meanwhile changes nothing.
struct ReturnCommand: CommandHandler {
    func run(_ context: InteractionContext, _ command: ApplicationCommandData) async throws {
        let services = context.services
        let strings = context.strings
        if let id = try command.workflowId("id") {
            let loan = try await ReturnConfirmation.returnable(id, context: context)
            let confirmation = try await ReturnConfirmation.make(loan, context: context)
            try await context.replyEphemeral(confirmation.content, embeds: confirmation.embeds, components: confirmation.components)
            return
        }
        let loans = try await OwnLoans.active(of: context.invokerID, services: services)
        switch loans.count {
        case 0:
            throw Refusal(strings.noOwnActiveLoan)
        case 1:
            let confirmation = try await ReturnConfirmation.make(loans[0], context: context)
            try await context.replyEphemeral(confirmation.content, embeds: confirmation.embeds, components: confirmation.components)
        default:
            let select = OwnLoans.select(.returnPick, loans: loans, placeholder: strings.returnPickPlaceholder,
                                         aliases: try await ServerAliases.byPanelID(services), strings: strings,
                                         zone: services.configuration.timeZone) { String($0.id) }
            try await context.replyEphemeral(OwnLoans.prompt(strings.returnPickPrompt, count: loans.count, strings: strings), components: [select])
        }
    }
}

/// The loan chosen in `/mcserver return`'s select: the confirmation replaces the select.
struct ReturnPick: ComponentHandler {
    let moderatorsOnly = false

    func run(_ context: InteractionContext, _ route: ComponentRoute, _ data: MessageComponentData) async throws {
        guard let value = data.values?.first, let workflowId = Int(value), workflowId > 0 else { throw Refusal(context.strings.unknownAction) }
        let loan = try await ReturnConfirmation.returnable(workflowId, context: context)
        let confirmation = try await ReturnConfirmation.make(loan, context: context)
        try await OwnLoans.answer(context, confirmation.content, embeds: confirmation.embeds, components: confirmation.components)
    }
}

/// The confirmed return, `loan.return:<id>`: queues the return task (the task runner does the
/// panel work and its notices report the outcome).
struct ReturnButton: ComponentHandler {
    let moderatorsOnly = false

    func run(_ context: InteractionContext, _ route: ComponentRoute, _ data: MessageComponentData) async throws {
        guard case .returnLoan(let workflowId) = route else { throw Refusal(context.strings.unknownAction) }
        _ = try await context.services.workflow.requestReturn(workflowId, by: context.invokerID, asModerator: context.isModerator)
        try await OwnLoans.answer(context, context.strings.returnQueued(workflowId))
    }
}

/// The confirmation message and the checks made before showing it.
enum ReturnConfirmation {
    struct Message {
        var content: String
        var embeds: [Embed]
        var components: [Component]
    }

    /// The loan if the invoker may return it now: it exists, they organize it (or moderate), and
    /// it is ACTIVE. The click checks all of this again.
    static func returnable(_ id: Int, context: InteractionContext) async throws -> WorkflowRecord {
        try await context.services.workflow.requireReturnable(id, by: context.invokerID, asModerator: context.isModerator)
    }

    static func make(_ loan: WorkflowRecord, context: InteractionContext) async throws -> Message {
        let services = context.services
        let strings = context.strings
        let panelUsers = try await services.queries.panelUsers(of: loan.id)
        var alias: String?
        if let server = loan.pteroServerId { alias = try await services.queries.serverAlias(of: server) ?? server }
        let embed = LoanEmbed.make(.init(workflow: loan, panelUsers: panelUsers, serverAlias: alias), strings: strings)
        let button = Button(style: .danger, label: strings.returnConfirmLabel, customID: ComponentRoute.returnLoan(workflowId: loan.id).customID)
        return Message(content: strings.returnConfirmPrompt(loan.id), embeds: [embed], components: [.actionRow(ActionRow([.button(button)]))])
    }
}

extension SlashCommand {
    static let returnOwn = SlashCommand(
        .member, subcommand("return", Text("Return your loan"),
                            [loanID(Text("The loan to return (default: yours)"), required: false)]),
        handler: ReturnCommand(), autocomplete: OwnLoanAutocomplete.organized)
}
