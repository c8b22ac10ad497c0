import Discord
import Lending
import Logging

/// Autocomplete of `id` in a member's command: the requests or loans `candidates` offers the
/// invoker, as `#id purpose`, filtered by what they typed (an id or part of the purpose).
struct OwnLoanAutocomplete: AutocompleteHandler {
    let candidates: @Sendable (InteractionContext) async throws -> [WorkflowRecord]

    func run(_ context: InteractionContext, _ command: ApplicationCommandData) async throws {
        try await AutocompleteChoices.answer(context) {
            try await candidates(context)
                .filter { LoanText.matches($0, typed: command.typedText) }
                .map(AutocompleteChoices.loan)
        }
    }

    /// `/mcserver extend` and `/mcserver return`: the loans the invoker organizes.
    static let organized = OwnLoanAutocomplete { try await OwnLoans.active(of: $0.invokerID, services: $0.services) }
    /// `/mcserver withdraw`: the PENDING requests the invoker filed or organizes.
    static let withdrawable = OwnLoanAutocomplete { try await $0.services.queries.withdrawableRequests(of: $0.invokerID) }
    /// `/mcserver whitelist`: the ACTIVE loans the invoker organizes or is a panel user of.
    static let whitelistable = OwnLoanAutocomplete { try await $0.services.queries.whitelistableLoans(of: $0.invokerID) }
}

/// Answering autocomplete, which allows only callback 8 with at most 25 choices: a failure is
/// logged and answered with no choices, never with a message Discord would refuse.
enum AutocompleteChoices {
    /// Discord's limit on the choices of one answer.
    static let maxChoices = Limit.commandChoices.value

    static func loan(_ workflow: WorkflowRecord) -> CommandOptionChoice {
        CommandOptionChoice(name: LoanText.choiceName(workflow), value: .integer(Int64(workflow.id)))
    }

    static func answer(_ context: InteractionContext, _ make: () async throws -> [CommandOptionChoice]) async throws {
        let choices: [CommandOptionChoice]
        do {
            choices = Array(try await make().prefix(maxChoices))
        } catch {
            context.services.logger.warning("autocomplete failed", metadata: ["error": "\(error)"])
            choices = []
        }
        try await context.respond(.autocompleteResult(choices))
    }
}
