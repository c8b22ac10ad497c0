import Discord
import Foundation
import Lending

/// `/mcserver-admin workflow edit id`: with `add` or `remove`, a change of panel users
/// (`PanelUsersEdit`); with `type`, a PENDING request's server type, changed at once (on its own:
/// a panel-user change may need a modal, and one interaction has one answer); otherwise a modal prefilled with the request's purpose, version and,
/// while it is PENDING, its period. An ACTIVE loan's dates are not in the form: its end date is
/// changed by extending, never by an edit.
struct WorkflowEditCommand: CommandHandler {
    func run(_ context: InteractionContext, _ command: ApplicationCommandData) async throws {
        let strings = context.strings
        let id = try WorkflowCommands.workflowId(in: command, strings: strings)
        if let type = WorkflowCommands.text(RequestFormOpening.typeOption, in: command) {
            guard !PanelUsersEdit.isRequested(command) else { throw Refusal(strings.editTypeAlone) }
            let stored = try await context.services.workflow.edit(id, by: context.invokerID, serverType: type)
            try await EditForm.replyEdited(context, stored)
            return
        }
        if PanelUsersEdit.isRequested(command) {
            try await PanelUsersEdit.run(context, command, workflowId: id)
            return
        }
        let workflow = try await context.services.workflow.requireEditable(id)
        try await context.openModal(EditForm.modal(workflow, strings: strings, maxPeriod: context.services.configuration.checkoutMaxPeriodDays))
    }
}

enum EditForm {
    static func modal(_ workflow: WorkflowRecord, strings: Strings, maxPeriod: Int) -> Modal {
        func label(_ text: String, _ hint: String?, _ input: TextInput) -> Component {
            .label(Label(label: text, description: hint, component: .textInput(input)))
        }
        var components = [
            label(strings.fieldName("description"), nil,
                  TextInput(customID: CheckoutForm.description, style: .short, value: workflow.description, isRequired: true,
                            minLength: 1, maxLength: RequestRules.maxDescriptionLength)),
            label(strings.fieldName("mcVersion"), strings.versionHint,
                  TextInput(customID: CheckoutForm.version, style: .short, value: workflow.mcVersion, isRequired: true,
                            minLength: 1, maxLength: RequestRules.maxVersionLength)),
        ]
        if workflow.status == .pending {
            components.append(label(strings.fieldName("periodDays"), "1–\(maxPeriod)",
                                    TextInput(customID: CheckoutForm.period, style: .short, value: String(workflow.periodDays),
                                              isRequired: true, minLength: 1, maxLength: 4)))
        }
        return Modal(customID: ComponentRoute.editRequest(workflowId: workflow.id).customID, title: strings.editTitle(workflow.id), components: components)
    }

    /// The ephemeral answer to a saved edit: who changed it, and the request as it is now.
    static func replyEdited(_ context: InteractionContext, _ stored: WorkflowRecord) async throws {
        let services = context.services
        let panelUsers = try await services.queries.panelUsers(of: stored.id)
        var alias: String?
        if let server = stored.pteroServerId { alias = try await services.queries.serverAlias(of: server) ?? server }
        let embed = LoanEmbed.make(.init(workflow: stored, panelUsers: panelUsers, serverAlias: alias), strings: context.strings)
        try await context.replyEphemeral(context.strings.edited(stored.id, by: context.invokerID), embeds: [embed])
    }
}

/// The submitted edit modal: `wf.edit:<id>`.
struct EditSubmit: ModalHandler {
    let moderatorsOnly = true

    func run(_ context: InteractionContext, _ route: ComponentRoute, _ data: ModalSubmitData) async throws {
        let strings = context.strings
        let services = context.services
        let maxPeriod = services.configuration.checkoutMaxPeriodDays
        guard case .editRequest(let workflowId) = route else { throw Refusal(strings.unknownAction) }
        let description = data.textInputValue(customID: CheckoutForm.description)?.trimmingCharacters(in: .whitespacesAndNewlines)
        let version = data.textInputValue(customID: CheckoutForm.version)?.trimmingCharacters(in: .whitespaces).lowercased()
        var period: Int?
        if let text = data.textInputValue(customID: CheckoutForm.period) {
            guard let value = Int(text.trimmingCharacters(in: .whitespaces)) else {
                throw Refusal(strings.fieldRule(strings.fieldName("periodDays"), strings.rule(for: "periodDays", maxPeriod: maxPeriod)))
            }
            period = value
        }
        let stored: WorkflowRecord
        do {
            stored = try await services.workflow.edit(workflowId, by: context.invokerID, description: description, mcVersion: version,
                                                      periodDays: period)
        } catch LendingError.invalidRequest(let field, _) {
            // The form was opened while the request was PENDING and it has been approved since.
            if field == "periodDays", try await services.queries.workflow(workflowId)?.status == .active {
                throw Refusal(strings.periodFixedWhileActive)
            }
            throw Refusal(strings.fieldRule(strings.fieldName(field), strings.rule(for: field, maxPeriod: maxPeriod)))
        }
        try await EditForm.replyEdited(context, stored)
    }
}

extension SlashCommand {
    static var workflowEdit: SlashCommand {
        let type = serverType(Text("The server type a pending request asks for"), required: false)
        return SlashCommand(.admin(.workflow), subcommand("edit", Text("Edit a request"),
                                                          [requestID(Text("The request to edit"))] + panelUsersOptions + [type]),
                            handler: WorkflowEditCommand(), autocomplete: WorkflowAutocomplete.pendingOrActive)
    }
}
