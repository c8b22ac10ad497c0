import Discord
import Foundation
import Lending

/// `/mcserver extend [id]`: the organizer adds `CHECKOUT_EXTEND_DAYS` to one of their ACTIVE loans.
///
/// With an id, or with a single loan, it extends at once; with several it offers a select. The
/// domain (`extendOwn`) checks the organizer and the status in the same transaction that writes,
/// so a member naming someone else's loan, or a loan that is no longer ACTIVE, changes nothing.
struct ExtendCommand: CommandHandler {
    func run(_ context: InteractionContext, _ command: ApplicationCommandData) async throws {
        let services = context.services
        let strings = context.strings
        let days = services.configuration.checkoutExtendDays
        if let id = try command.workflowId("id") {
            let loan = try await services.workflow.extendOwn(id, by: context.invokerID)
            try await context.replyEphemeral(OwnExtension.done(loan, days: days, strings: strings))
            return
        }
        let loans = try await OwnLoans.active(of: context.invokerID, services: services)
        switch loans.count {
        case 0:
            throw Refusal(strings.noOwnActiveLoan)
        case 1:
            let loan = try await services.workflow.extendOwn(loans[0].id, by: context.invokerID, seenEndDate: loans[0].endDate)
            try await context.replyEphemeral(OwnExtension.done(loan, days: days, strings: strings))
        default:
            let select = OwnLoans.select(.extendPick, loans: loans, placeholder: strings.extendPickPlaceholder,
                                         aliases: try await ServerAliases.byPanelID(services), strings: strings,
                                         zone: services.configuration.timeZone, value: OwnExtension.pickValue)
            try await context.replyEphemeral(OwnLoans.prompt(strings.extendPickPrompt(days: days), count: loans.count, strings: strings),
                                             components: [select])
        }
    }
}

/// The loan chosen in `/mcserver extend`'s select. The option carries the end date the member
/// saw, so choosing twice (or in two copies of the select) extends once.
struct ExtendPick: ComponentHandler {
    let moderatorsOnly = false

    func run(_ context: InteractionContext, _ route: ComponentRoute, _ data: MessageComponentData) async throws {
        let parts = data.values?.first?.split(separator: ":").map(String.init) ?? []
        guard (1...2).contains(parts.count), let workflowId = Int(parts[0]), workflowId > 0 else { throw Refusal(context.strings.unknownAction) }
        let seen = parts.count == 2 ? LoanText.date(millis: parts[1]) : nil
        let loan = try await context.services.workflow.extendOwn(workflowId, by: context.invokerID, seenEndDate: seen)
        try await OwnLoans.answer(context, OwnExtension.done(loan, days: context.services.configuration.checkoutExtendDays, strings: context.strings))
    }
}

/// The extend button, `loan.extend:<id>:<endDateEpochMillis>`, which reminders carry too.
///
/// The end date in the custom_id is the one the button was made for: once the loan has been
/// extended it no longer matches, so a double click (or an old reminder) extends once and the
/// second click is told the current end date. The organizer extends by `CHECKOUT_EXTEND_DAYS`
/// from that end date; a moderator who gets the button (a reminder sent to moderators) may press
/// it too and moves the end to the end of the day `CHECKOUT_EXTEND_DAYS` after it, which is the
/// same date however often it is pressed. Anyone else is refused.
struct ExtendButton: ComponentHandler {
    let moderatorsOnly = false
    /// Reminders reach organizers by direct message; `extendByButton` checks who pressed it.
    let worksInDirectMessages = true

    func run(_ context: InteractionContext, _ route: ComponentRoute, _ data: MessageComponentData) async throws {
        guard case .extendLoan(let workflowId, let seen) = route else { throw Refusal(context.strings.unknownAction) }
        let services = context.services
        let days = services.configuration.checkoutExtendDays
        // Who may press it, and what a moderator's press does, is the domain's rule.
        let loan = try await services.workflow.extendByButton(workflowId, by: context.invokerID, isModerator: context.isModerator, seenEndDate: seen)
        try await OwnLoans.answer(context, OwnExtension.done(loan, days: days, strings: context.strings))
    }
}

enum OwnExtension {
    /// `id:endMillis` (or `id` for a loan without an end date) for a select option.
    static func pickValue(_ loan: WorkflowRecord) -> String {
        loan.endDate.map { "\(loan.id):\(LoanText.millis($0))" } ?? String(loan.id)
    }

    static func done(_ loan: WorkflowRecord, days: Int, strings: Strings) -> String {
        guard let end = loan.endDate else { return strings.status(loan.status) }
        return strings.extendedOwn(loan.id, until: end, days: days)
    }
}

extension SlashCommand {
    static let extendOwn = SlashCommand(
        .member, subcommand("extend", Text("Extend your loan"),
                            [loanID(Text("The loan to extend (default: yours)"), required: false)]),
        handler: ExtendCommand(), autocomplete: OwnLoanAutocomplete.organized)
}
