import Discord
import Foundation
import Lending

/// The invoker's own ACTIVE loans (those they organize), as `/mcserver extend` and `return` list
/// them, and the select that lets them pick one when there are several.
enum OwnLoans {
    /// Discord's limit of options in a select.
    static let maxChoices = Limit.selectOptions.value

    /// The invoker's ACTIVE loans, the soonest ending first.
    static func active(of organizer: String, services: BotServices) async throws -> [WorkflowRecord] {
        try await services.queries.activeLoans(organizedBy: organizer).sorted(by: LoanOrder.soonestEnd)
    }

    /// A select of at most 25 loans; each option's value is made by `value`.
    static func select(_ route: ComponentRoute, loans: [WorkflowRecord], placeholder: String, aliases: [String: String],
                       strings: Strings, zone: TimeZone, value: (WorkflowRecord) -> String) -> Component {
        let options = loans.prefix(maxChoices).map { loan in
            SelectOption(label: LoanText.choiceName(loan), value: value(loan),
                         description: Limits.cut(strings.loanChoiceDetail(alias: loan.pteroServerId.map { aliases[$0] ?? $0 }, end: loan.endDate, zone: zone), 100))
        }
        return .actionRow(ActionRow([.stringSelect(StringSelect(customID: route.customID, options: Array(options),
                                                                placeholder: placeholder, minValues: 1, maxValues: 1))]))
    }

    /// The prompt above a select, with a note when some loans did not fit.
    static func prompt(_ text: String, count: Int, strings: Strings) -> String {
        count > maxChoices ? text + "\n" + strings.onlyFirstLoansListed(maxChoices) : text
    }

    /// Whether the component was clicked on an ephemeral message of the bot's (a reply to the
    /// invoker), which can be replaced; a button on a channel message or DM is answered apart.
    static func isOnEphemeralMessage(_ context: InteractionContext) -> Bool {
        context.interaction.message?.flags?.contains(.ephemeral) == true
    }

    /// Answers a component: replaces the ephemeral message that carried it, or replies apart.
    static func answer(_ context: InteractionContext, _ content: String, embeds: [Embed] = [], components: [Component] = []) async throws {
        if isOnEphemeralMessage(context) {
            try await context.respond(.updateMessage(MessageEdit(content: content, embeds: embeds, components: components, allowedMentions: .nobody)))
        } else {
            try await context.replyEphemeral(content, embeds: embeds.isEmpty ? nil : embeds, components: components.isEmpty ? nil : components)
        }
    }
}

/// How loans are listed wherever a person chooses one.
enum LoanOrder {
    static func soonestEnd(_ a: WorkflowRecord, _ b: WorkflowRecord) -> Bool {
        switch (a.endDate, b.endDate) {
        case let (x?, y?) where x != y: x < y
        case (nil, _?): false
        case (_?, nil): true
        default: a.id < b.id
        }
    }
}

/// Server aliases by panel identifier, for showing loans.
enum ServerAliases {
    static func byPanelID(_ services: BotServices) async throws -> [String: String] {
        var aliases: [String: String] = [:]
        for binding in try await services.queries.serverBindings() where aliases[binding.pteroId] == nil {
            aliases[binding.pteroId] = binding.name
        }
        return aliases
    }
}
