import Discord
import Lending
import Logging

/// Autocomplete of `id` in `/mcserver extend` and `/mcserver return`: the invoker's own ACTIVE
/// loans as `#id purpose`, filtered by what they typed (an id or part of the purpose).
struct OwnLoanAutocomplete: AutocompleteHandler {
    func run(_ context: InteractionContext, _ command: ApplicationCommandData) async throws {
        try await AutocompleteChoices.answer(context) {
            try await OwnLoans.active(of: context.invokerID, services: context.services)
                .filter { LoanText.matches($0, typed: command.typedText) }
                .map(AutocompleteChoices.loan)
        }
    }
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
