import Discord
import Foundation
import Lending
import Logging
import Synchronization

/// `/mcserver checkout [type]`: opens the request modal at once, or first asks for the server type
/// when the pool has several and none was given (`RequestFormOpening`). Only the pool's types are
/// read first, one small query, so the modal still opens within Discord's three seconds. The modal
/// is the same for every member of a language and type, so it is checked and encoded once per
/// language and type and sent as prepared bytes.
struct CheckoutCommand: CommandHandler {
    let forms = PreparedForms()

    func run(_ context: InteractionContext, _ command: ApplicationCommandData) async throws {
        try await RequestFormOpening.open(context, typed: command.string(RequestFormOpening.typeOption), forms: forms)
    }
}

/// The request modal as a `PreparedCallback`, made on first use for each language, period limit
/// and server type (two languages, one configured limit and the pool's few types: a handful of
/// entries for the bot's lifetime).
final class PreparedForms: Sendable {
    private struct Key: Hashable {
        let language: Language
        let maxPeriod: Int
        let serverType: String?
    }

    private let prepared = Mutex<[Key: PreparedCallback]>([:])

    func form(in strings: Strings, maxPeriod: Int, serverType: String? = nil) throws -> PreparedCallback {
        let key = Key(language: strings.language, maxPeriod: maxPeriod, serverType: serverType)
        if let form = prepared.withLock({ $0[key] }) { return form }
        let form = try PreparedCallback(.modal(CheckoutForm.modal(strings: strings, maxPeriod: maxPeriod, serverType: serverType)))
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

    /// The form; for one server type (`serverType`), its id carries the type and its title names
    /// it. A moderator's direct loan (`/mcserver-admin checkout create`) asks the same fields under
    /// its own route and title.
    static func modal(strings: Strings, maxPeriod: Int, serverType: String? = nil, route: ComponentRoute? = nil,
                      title: String? = nil) -> Modal {
        func label(_ text: String, _ hint: String?, _ component: Component) -> Component {
            .label(Label(label: text, description: hint, component: component))
        }
        let route = route ?? serverType.map { ComponentRoute.checkoutTypedForm(serverType: $0) } ?? .checkoutForm
        let title = title ?? serverType.map(strings.requestFormTitle(type:)) ?? strings.checkoutFormTitle
        return Modal(customID: route.customID, title: title, components: [
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

/// The submitted request (`checkout`, or `checkout.typed:<type>` for one server type): every field
/// is checked before anything is stored; the first problem is told to the member, naming the field
/// and the rule. The domain checks the type against the pool again as it files.
struct CheckoutSubmit: ModalHandler {
    let moderatorsOnly = false

    func run(_ context: InteractionContext, _ route: ComponentRoute, _ data: ModalSubmitData) async throws {
        let strings = context.strings
        let services = context.services
        let maxPeriod = services.configuration.checkoutMaxPeriodDays
        let serverType: String? = if case .checkoutTypedForm(let type) = route { type } else { nil }
        let (request, panelUsers) = try CheckoutForm.read(data, applicant: context.invokerID, strings: strings, maxPeriod: maxPeriod,
                                                          serverType: serverType)
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

extension CheckoutForm {
    /// The submitted form's answers as a request and its panel users, each field checked as the
    /// form promises; the first problem is told, naming the field and the rule.
    static func read(_ data: ModalSubmitData, applicant: String, strings: Strings, maxPeriod: Int,
                     serverType: String? = nil) throws -> (NewWorkflow, [String]) {
        let description = (data.textInputValue(customID: CheckoutForm.description) ?? "").trimmingWhitespace()
        let version = (data.textInputValue(customID: CheckoutForm.version) ?? "").trimmingWhitespace(includingNewlines: false).lowercased()
        guard let period = Int((data.textInputValue(customID: CheckoutForm.period) ?? "").trimmingWhitespace(includingNewlines: false)),
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
        let request = NewWorkflow(applicantDiscordId: applicant, description: description, mcVersion: version,
                                  periodDays: period, organizerDiscordId: organizer, serverType: serverType)
        return (request, panelUsers)
    }
}

extension SlashCommand {
    static var checkout: SlashCommand {
        let type = serverType(Text("The kind of server (asked when the pool has several)"), required: false)
        return SlashCommand(.member, subcommand("checkout", Text("Request a server for an event"), [type]),
                            handler: CheckoutCommand(), autocomplete: ServerTypeAutocomplete())
    }
}
