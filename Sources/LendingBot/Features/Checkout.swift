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

    /// The form; a moderator's direct loan (`/mcserver-admin checkout create`) asks the same
    /// fields under its own route and title.
    static func modal(strings: Strings, maxPeriod: Int, route: ComponentRoute = .checkoutForm, title: String? = nil) -> Modal {
        func label(_ text: String, _ hint: String?, _ component: Component) -> Component {
            .label(Label(label: text, description: hint, component: component))
        }
        return Modal(customID: route.customID, title: title ?? strings.text("サーバー貸出の申請", "Request a server"), components: [
            label(strings.text("目的・イベント名", "Purpose or event"), nil,
                  .textInput(TextInput(customID: description, style: .short, isRequired: true, minLength: 1, maxLength: RequestRules.maxDescriptionLength))),
            label(strings.text("Minecraft バージョン", "Minecraft version"), strings.versionHint,
                  .textInput(TextInput(customID: version, style: .short, placeholder: "1.21.4", isRequired: true, minLength: 1, maxLength: RequestRules.maxVersionLength))),
            label(strings.text("期間（日数）", "Period in days"), "1–\(maxPeriod)",
                  .textInput(TextInput(customID: period, style: .short, placeholder: "7", isRequired: true, minLength: 1, maxLength: 3))),
            label(strings.text("主催者", "Organizer"), nil,
                  .entitySelect(EntitySelect(.user, customID: organizer, minValues: 1, maxValues: 1, isRequired: true))),
            label(strings.text("パネルユーザー", "Panel users"), strings.text("サーバーを操作する人（1〜10人）", "Who gets access to the server (1–10)"),
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
        let (request, panelUsers) = try CheckoutForm.read(data, applicant: context.invokerID, strings: strings, maxPeriod: maxPeriod)
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
    static func read(_ data: ModalSubmitData, applicant: String, strings: Strings, maxPeriod: Int) throws -> (NewWorkflow, [String]) {
        let description = (data.textInputValue(customID: CheckoutForm.description) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let version = (data.textInputValue(customID: CheckoutForm.version) ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        guard let period = Int((data.textInputValue(customID: CheckoutForm.period) ?? "").trimmingCharacters(in: .whitespaces)),
              (1...maxPeriod).contains(period) else {
            throw Refusal(strings.fieldRule(strings.fieldName("periodDays"), strings.text("1〜\(maxPeriod) の整数", "a whole number from 1 to \(maxPeriod)")))
        }
        let organizers = data.selectedValues(customID: CheckoutForm.organizer) ?? []
        let panelUsers = data.selectedValues(customID: CheckoutForm.panelUsers) ?? []
        guard organizers.count == 1, let organizer = organizers.first else {
            throw Refusal(strings.fieldRule(strings.fieldName("organizer"), strings.text("1人を選んでください", "choose one member")))
        }
        let bots = (organizers + panelUsers).filter { id in UserID(id).flatMap { data.resolved?.users?[$0]?.isBot } == true }
        guard bots.isEmpty else {
            throw Refusal(strings.fieldRule(strings.fieldName(organizers.contains(bots[0]) ? "organizer" : "panelUsers"),
                                            strings.text("ボットは選べません", "bots cannot be chosen")))
        }
        let request = NewWorkflow(applicantDiscordId: applicant, description: description, mcVersion: version,
                                  periodDays: period, organizerDiscordId: organizer)
        return (request, panelUsers)
    }
}

extension Strings {
    func fieldRule(_ field: String, _ rule: String) -> String {
        text("「\(field)」: \(rule)", "\(field): \(rule)")
    }

    func rule(for field: String, maxPeriod: Int) -> String {
        switch field {
        case "description": text("1〜\(RequestRules.maxDescriptionLength)文字（制御文字なし）", "1 to \(RequestRules.maxDescriptionLength) characters, no control characters")
        case "mcVersion": text("latest または 1.20.1・1.21・26.1 のようなリリース番号", "latest, or a release such as 1.20.1, 1.21 or 26.1")
        case "periodDays": text("1〜\(maxPeriod) の整数", "a whole number from 1 to \(maxPeriod)")
        case "panelUsers": text("1〜10人、重複なし", "1 to 10 members, each once")
        default: text("正しい値を入力してください", "please check the value")
        }
    }

    /// Under the version field of the request and edit forms.
    var versionHint: String {
        text("latest、または 1.21.4・26.1 などのリリース番号", "latest, or a release such as 1.21.4 or 26.1")
    }

    /// A well-formed version Mojang never released, with the releases nearest to it.
    func unknownMinecraftVersion(_ version: String, closest: [String]) -> String {
        let list = closest.joined(separator: ", ")
        return closest.isEmpty
            ? text("「\(fieldName("mcVersion"))」: \(version) は Minecraft のリリースではありません。",
                   "\(fieldName("mcVersion")): \(version) is not a Minecraft release.")
            : text("「\(fieldName("mcVersion"))」: \(version) は Minecraft のリリースではありません。近いリリース: \(list)",
                   "\(fieldName("mcVersion")): \(version) is not a Minecraft release; closest: \(list)")
    }

    func requestReceived(_ id: Int) -> String {
        text("申請 #\(id) を受け付けました。モデレーターの審査をお待ちください。", "Request #\(id) received. A moderator will review it.")
    }
}

extension SlashCommand {
    static let checkout = SlashCommand(.member, subcommand("checkout", Text("サーバーの貸出を申請する", "Request a server for an event")),
                                       handler: CheckoutCommand())
}
