import Discord
import Foundation
import Lending
import Logging
import Synchronization

/// `/mcserver checkout`: opens the request modal at once (no database or network work first, so
/// the modal always opens within Discord's three seconds). The modal is the same for every member
/// of a language, so it is checked and encoded once per language and sent as prepared bytes.
struct CheckoutCommand: CommandHandler {
    let forms = PreparedForms()

    func run(_ context: InteractionContext, _ command: ApplicationCommandData) async throws {
        try await context.respond(forms.form(in: context.strings, maxPeriod: context.services.configuration.checkoutMaxPeriodDays))
    }
}

/// The request modal as a `PreparedCallback`, made on first use for each language and period
/// limit (two languages and one configured limit: a handful of entries for the bot's lifetime).
final class PreparedForms: Sendable {
    private struct Key: Hashable {
        let language: Language
        let maxPeriod: Int
    }

    private let prepared = Mutex<[Key: PreparedCallback]>([:])

    func form(in strings: Strings, maxPeriod: Int) throws -> PreparedCallback {
        let key = Key(language: strings.language, maxPeriod: maxPeriod)
        if let form = prepared.withLock({ $0[key] }) { return form }
        let form = try PreparedCallback(.modal(CheckoutForm.modal(strings: strings, maxPeriod: maxPeriod)))
        prepared.withLock { $0[key] = form }
        return form
    }
}

/// The request modal and how its answers are read.
enum CheckoutForm {
    static let description = "description"
    static let version = "mcVersion"
    static let period = "periodDays"
    static let organizer = "organizer"
    static let panelUsers = "panelUsers"

    static func modal(strings: Strings, maxPeriod: Int) -> Modal {
        func label(_ text: String, _ hint: String?, _ component: Component) -> Component {
            .label(Label(label: text, description: hint, component: component))
        }
        return Modal(customID: ComponentRoute.checkoutForm.customID, title: strings.checkoutFormTitle, components: [
            label(strings.checkoutPurposeLabel, nil,
                  .textInput(TextInput(customID: description, style: .short, isRequired: true, minLength: 1, maxLength: RequestRules.maxDescriptionLength))),
            label(strings.fieldName(version), strings.versionHint,
                  .textInput(TextInput(customID: version, style: .short, placeholder: "1.21.4", isRequired: true, minLength: 1, maxLength: RequestRules.maxVersionLength))),
            label(strings.fieldName(period), "1–\(maxPeriod)",
                  .textInput(TextInput(customID: period, style: .short, placeholder: "7", isRequired: true, minLength: 1, maxLength: 3))),
            label(strings.fieldName(organizer), nil,
                  .entitySelect(EntitySelect(.user, customID: organizer, minValues: 1, maxValues: 1, isRequired: true))),
            label(strings.fieldName(panelUsers), strings.checkoutPanelUsersHint,
                  .entitySelect(EntitySelect(.user, customID: panelUsers, minValues: 1, maxValues: 10, isRequired: true))),
        ])
    }
}

/// The submitted request: every field is checked before anything is stored; the first problem is
/// told to the member, naming the field and the rule.
struct CheckoutSubmit: ModalHandler {
    let moderatorsOnly = false

    func run(_ context: InteractionContext, _ route: ComponentRoute, _ data: ModalSubmitData) async throws {
        let strings = context.strings
        let services = context.services
        let maxPeriod = services.configuration.checkoutMaxPeriodDays
        let description = (data.textInputValue(customID: CheckoutForm.description) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let version = (data.textInputValue(customID: CheckoutForm.version) ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        guard let period = Int((data.textInputValue(customID: CheckoutForm.period) ?? "").trimmingCharacters(in: .whitespaces)),
              (1...maxPeriod).contains(period) else {
            throw Refusal(strings.fieldRule(strings.fieldName("periodDays"), strings.rule(for: "periodDays", maxPeriod: maxPeriod)))
        }
        let organizers = data.selectedValues(customID: CheckoutForm.organizer) ?? []
        let panelUsers = data.selectedValues(customID: CheckoutForm.panelUsers) ?? []
        guard organizers.count == 1, let organizer = organizers.first else {
            throw Refusal(strings.fieldRule(strings.fieldName("organizer"), strings.chooseOneMember))
        }
        let bots = (organizers + panelUsers).filter { id in UserID(id).flatMap { data.resolved?.users?[$0]?.isBot } == true }
        guard bots.isEmpty else {
            throw Refusal(strings.fieldRule(strings.fieldName(organizers.contains(bots[0]) ? "organizer" : "panelUsers"),
                                            strings.botsCannotBeChosen))
        }
        let request = NewWorkflow(applicantDiscordId: context.invokerID, description: description, mcVersion: version,
                                  periodDays: period, organizerDiscordId: organizer)
        let workflow: WorkflowRecord
        do {
            workflow = try await services.workflow.file(request, panelUsers: panelUsers)
        } catch LendingError.invalidRequest(let field, _) {
            throw Refusal(strings.fieldRule(strings.fieldName(field), strings.rule(for: field, maxPeriod: maxPeriod)))
        }
        try await context.replyEphemeral(strings.requestReceived(workflow.id))
        // The request is stored and the member told so before the moderators' post goes out.
        await services.workflow.announceFiled(workflow)
    }
}

extension SlashCommand {
    static let checkout = SlashCommand(.member, subcommand("checkout", Text("サーバーの貸出を申請する", "Request a server for an event")),
                                       handler: CheckoutCommand())
}
