import Clocks
import Discord
import Foundation
import Lending

/// `/mcserver-admin checkout extend id date`: a moderator sets the end date of an ACTIVE loan (to
/// the end of `date` in `TIMEZONE`) or the period of a PENDING request (the whole days from today).
/// The domain refuses RETURNED and REJECTED requests and dates that are not in the future.
struct CheckoutExtendCommand: CommandHandler {
    func run(_ context: InteractionContext, _ command: ApplicationCommandData) async throws {
        let strings = context.strings
        guard let id = try command.workflowId("id") else { throw Refusal(strings.loanIDMissing) }
        let today = CalendarDate(containing: context.services.clock.date, in: context.services.configuration.timeZone)
        let date: CalendarDate
        switch CalendarDate.reading(command.string("date") ?? "", today: today) {
        case .date(let day):
            date = day
        case .unreadable:
            throw Refusal(strings.fieldRule(strings.dateOptionName, strings.dateFormatRule))
        case .noSuchDay:
            throw Refusal(strings.fieldRule(strings.dateOptionName, strings.noSuchDay))
        case .ambiguous(let monthFirst, let dayFirst):
            throw Refusal(strings.fieldRule(strings.dateOptionName, strings.ambiguousDay(monthFirst, dayFirst)))
        }
        let loan = try await context.services.workflow.extend(id, by: context.invokerID, to: date)
        if loan.status == .active, let end = loan.endDate {
            try await context.replyEphemeral(strings.loanEndSet(id, until: end))
        } else {
            try await context.replyEphemeral(strings.pendingPeriodSet(id, days: loan.periodDays))
        }
    }
}

/// `/mcserver-admin checkout return id [archive] [reset]`: a moderator queues the return at once
/// (they asked for this very loan by id); the domain refuses anything but an ACTIVE loan without a
/// return under way. `archive:false` or `reset:false` skip that part of this one return, recorded
/// on its audit rows so that a server left unreset says why.
struct CheckoutReturnCommand: CommandHandler {
    func run(_ context: InteractionContext, _ command: ApplicationCommandData) async throws {
        guard let id = try command.workflowId("id") else { throw Refusal(context.strings.loanIDMissing) }
        let archive = command.boolean("archive") ?? true
        let reset = command.boolean("reset") ?? true
        _ = try await context.services.workflow.requestReturn(id, by: context.invokerID, asModerator: true, archive: archive, reset: reset)
        let lines = [context.strings.returnQueued(id)] + context.strings.returnSkips(archive: archive, reset: reset)
        try await context.replyEphemeral(lines.joined(separator: "\n"))
    }
}

/// Autocomplete of `id` in `checkout extend` and `checkout return`: ACTIVE loans, the soonest
/// ending first, filtered by id or purpose.
struct ActiveLoanAutocomplete: AutocompleteHandler {
    func run(_ context: InteractionContext, _ command: ApplicationCommandData) async throws {
        try await AutocompleteChoices.answer(context) {
            try await ActiveLoansPage.activeLoans(context.services)
                .sorted(by: LoanOrder.soonestEnd)
                .filter { LoanText.matches($0, typed: command.typedText) }
                .map(AutocompleteChoices.loan)
        }
    }
}

extension SlashCommand {
    static var checkoutExtend: SlashCommand {
        let date: CommandOption = parameter(.string, "date", Text("date"), Text("The new end date: 2026-12-24, 12/24 or 12月24日"),
                                            required: true, length: 3...12)
        return SlashCommand(.admin(.loans), subcommand("extend", Text("Change a loan's end date"),
                                                       [loanID(Text("The loan to change"), required: true), date]),
                            handler: CheckoutExtendCommand(), autocomplete: ActiveLoanAutocomplete())
    }

    static var checkoutReturn: SlashCommand {
        let archive: CommandOption = parameter(.boolean, "archive", Text("archive"),
                                               Text("false: do not archive the backups of this return"), required: false)
        let reset: CommandOption = parameter(.boolean, "reset", Text("reset"),
                                             Text("false: do not reset the server in this return"), required: false)
        return SlashCommand(.admin(.loans), subcommand("return", Text("Return a loan"),
                                                       [loanID(Text("The loan to return"), required: true), archive, reset]),
                            handler: CheckoutReturnCommand(), autocomplete: ActiveLoanAutocomplete())
    }
}
