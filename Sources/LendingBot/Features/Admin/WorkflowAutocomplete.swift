import Discord
import Foundation
import Lending

/// Autocomplete of `/mcserver-admin workflow approve|reject|edit`: `id` offers the requests in
/// the statuses the subcommand acts on, approve's `server` the free servers the request may get
/// (of its type, once `id` names a request that has one), edit's `type` the pool's types.
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
            switch command.focusedOption?.name {
            case "server":
                let wanted = try await Self.requestedType(command, services: context.services)
                return try await Self.serverChoices(typed, ofType: wanted, services: context.services, strings: context.strings)
            case RequestFormOpening.typeOption:
                return try await ServerTypeAutocomplete.choices(typed, services: context.services, strings: context.strings)
            default:
                return try await workflowChoices(typed, services: context.services)
            }
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

    /// The type the request named by the `id` option asks for; nil while no id is typed, the
    /// request does not exist, or it was filed before servers had types (any server fits it).
    static func requestedType(_ command: ApplicationCommandData, services: BotServices) async throws -> String? {
        guard let value = command.integer("id"), (1...Int64(Int32.max)).contains(value) else { return nil }
        return try await services.queries.workflow(Int(value))?.serverType
    }

    /// Free servers whose alias contains what was typed (ignoring case), in alias order; only
    /// those of `type` when it is given, so the moderator is offered no server the approval
    /// would refuse.
    static func serverChoices(_ typed: String, ofType type: String?, services: BotServices, strings: Strings) async throws -> [CommandOptionChoice] {
        try await services.queries.serverBindingsWithHolders()
            .filter { $0.holder == nil && (type == nil || $0.binding.serverType == type) }
            .filter { $0.binding.name.unicodeScalars.count <= Limit.choiceName.value }
            .filter { typed.isEmpty || $0.binding.name.localizedCaseInsensitiveContains(typed) }
            .map { usage in
                CommandOptionChoice(name: Limits.cut(strings.freeServerChoice(usage.binding.name, type: usage.binding.serverType), Limit.choiceName.value),
                                    value: usage.binding.name)
            }
    }
}
