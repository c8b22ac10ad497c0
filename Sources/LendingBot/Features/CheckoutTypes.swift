import Discord
import Foundation
import Lending

/// Which request form a member gets, by the pool's server types (`ServerType`).
///
/// The type is asked before the form, not in it: the form already has Discord's five components.
/// `/mcserver checkout type:` takes it at once (autocompleted from the pool's types); without it,
/// and from the board's button, a pool of several types first shows a select of them, whose
/// choice opens the form for that type. A pool of one type (or none) opens the plain form at
/// once, as before types existed, and the request gets that type when it is filed.
enum RequestFormOpening {
    /// The option of `/mcserver checkout` that names the type.
    static let typeOption = "type"  // as `SlashCommand.serverType` names it

    static func open(_ context: InteractionContext, typed: String?, forms: PreparedForms) async throws {
        let maxPeriod = context.services.configuration.checkoutMaxPeriodDays
        let counts = try await typeCounts(context.services)
        let types = counts.map(\.type)
        if let typed {
            guard let type = ServerType.parse(typed) else { throw ServerTypeRefusal.invalidType(typed) }
            guard types.contains(type) else { throw ServerTypeRefusal.noServerOfType(requested: type, available: types) }
            try await context.respond(forms.form(in: context.strings, maxPeriod: maxPeriod, serverType: type))
        } else if types.count > 1 {
            try await context.replyEphemeral(context.strings.chooseServerType, components: [select(counts, strings: context.strings)])
        } else {
            try await context.respond(forms.form(in: context.strings, maxPeriod: maxPeriod))
        }
    }

    /// The pool's types in alphabetical order, each with how many servers have it.
    static func typeCounts(_ services: BotServices) async throws -> [(type: String, servers: Int)] {
        let bindings = try await services.queries.serverBindings()
        return Dictionary(grouping: bindings, by: \.serverType).map { ($0.key, $0.value.count) }.sorted { $0.type < $1.type }
    }

    /// A select of at most 25 types (Discord's limit; a pool has a handful).
    static func select(_ counts: [(type: String, servers: Int)], strings: Strings) -> Component {
        let options = counts.prefix(Limit.selectOptions.value).map { type, servers in
            SelectOption(label: type, value: type, description: strings.serverTypeCount(servers))
        }
        return .actionRow(ActionRow([.stringSelect(StringSelect(customID: ComponentRoute.checkoutTypePick.customID, options: Array(options),
                                                                placeholder: strings.serverTypePlaceholder, minValues: 1, maxValues: 1))]))
    }
}

/// The type chosen in the select before the form (`checkout.type`): opens the form for it. The
/// type is checked against the pool as it is now, since the select may be old.
struct CheckoutTypePick: ComponentHandler {
    let moderatorsOnly = false
    let forms = PreparedForms()

    func run(_ context: InteractionContext, _ route: ComponentRoute, _ data: MessageComponentData) async throws {
        guard let typed = data.values?.first else { throw Refusal(context.strings.unknownAction) }
        try await RequestFormOpening.open(context, typed: typed, forms: forms)
    }
}

/// Autocomplete of `/mcserver checkout type` (and `/mcserver-admin workflow edit type`): the
/// pool's types containing what was typed, with how many servers each has.
struct ServerTypeAutocomplete: AutocompleteHandler {
    func run(_ context: InteractionContext, _ command: ApplicationCommandData) async throws {
        try await AutocompleteChoices.answer(context) {
            try await Self.choices(command.typedText, services: context.services, strings: context.strings)
        }
    }

    /// The pool's types containing `typed` (ignoring case), each with its number of servers; also
    /// the choices of `/mcserver-admin workflow edit type`.
    static func choices(_ typed: String, services: BotServices, strings: Strings) async throws -> [CommandOptionChoice] {
        let typed = typed.trimmingCharacters(in: .whitespaces).lowercased()
        return try await RequestFormOpening.typeCounts(services)
            .filter { typed.isEmpty || $0.type.contains(typed) }
            .map { CommandOptionChoice(name: "\($0.type) (\(strings.serverTypeCount($0.servers)))", value: .string($0.type)) }
    }
}
