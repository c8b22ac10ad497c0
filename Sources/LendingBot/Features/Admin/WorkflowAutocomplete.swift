import Discord
import Foundation
import Lending

/// Autocomplete of `/mcserver-admin workflow approve|reject|edit`: `id` offers the requests in
/// the statuses the subcommand acts on, `server` the pool's aliases, free ones first.
struct WorkflowAutocomplete: AutocompleteHandler {
    /// The statuses whose requests the `id` option offers.
    let statuses: [WorkflowStatus]

    /// Approve and reject act on PENDING requests.
    static let pending = WorkflowAutocomplete(statuses: [.pending])
    /// Edit acts on PENDING requests and ACTIVE loans.
    static let pendingOrActive = WorkflowAutocomplete(statuses: [.pending, .active])

    func run(_ context: InteractionContext, _ command: ApplicationCommandData) async throws {
        let typed = command.typedText.trimmingCharacters(in: .whitespaces)
        // A failed lookup answers with no choices: autocomplete can carry nothing else.
        try await AutocompleteChoices.answer(context) {
            command.focusedOption?.name == "server"
                ? try await Self.serverChoices(typed, services: context.services, strings: context.strings)
                : try await workflowChoices(typed, services: context.services)
        }
    }

    /// "#id purpose" for requests whose id starts with what was typed or whose purpose contains
    /// it; after a `#`, by id only.
    func workflowChoices(_ typed: String, services: BotServices) async throws -> [CommandOptionChoice] {
        let byIDOnly = typed.hasPrefix("#")
        let text = byIDOnly ? String(typed.dropFirst()) : typed
        let rows = try await services.queries.search(statuses: statuses, matching: text, idsOnly: byIDOnly, limit: AutocompleteChoices.maxChoices)
        return rows.map(AutocompleteChoices.loan)
    }

    /// Aliases containing what was typed (ignoring case), free servers first, each in alias order.
    static func serverChoices(_ typed: String, services: BotServices, strings: Strings) async throws -> [CommandOptionChoice] {
        let usages = try await services.queries.serverBindingsWithHolders()
            .filter { $0.binding.name.unicodeScalars.count <= Limit.choiceName.value }
            .filter { typed.isEmpty || $0.binding.name.localizedCaseInsensitiveContains(typed) }
        let ordered = usages.filter { $0.holder == nil } + usages.filter { $0.holder != nil }
        return ordered.map { usage in
            CommandOptionChoice(name: Limits.cut(strings.serverChoice(usage.binding.name, heldBy: usage.holder?.id), Limit.choiceName.value),
                                value: usage.binding.name)
        }
    }
}
