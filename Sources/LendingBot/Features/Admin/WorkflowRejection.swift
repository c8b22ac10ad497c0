import Discord
import Foundation
import Lending

/// `/mcserver-admin workflow reject id [reason]`.
struct WorkflowRejectCommand: CommandHandler {
    func run(_ context: InteractionContext, _ command: ApplicationCommandData) async throws {
        let id = try WorkflowCommands.workflowId(in: command, strings: context.strings)
        try await Rejection.reject(context, workflowId: id, reason: WorkflowCommands.text("reason", in: command))
    }
}

/// The Reject button on the moderators' notice: `wf.reject:<id>` opens a small modal for an
/// optional reason, once the request is known to be still PENDING.
struct RejectButton: ComponentHandler {
    let moderatorsOnly = true

    func run(_ context: InteractionContext, _ route: ComponentRoute, _ data: MessageComponentData) async throws {
        let strings = context.strings
        guard case .rejectRequest(let workflowId) = route else { throw Refusal(strings.unknownAction) }
        try await context.services.workflow.requirePending(workflowId, allowFailedApproval: true)
        let reason = TextInput(customID: Rejection.reasonField, style: .paragraph, isRequired: false,
                               maxLength: RequestRules.maxReasonLength)
        try await context.openModal(Modal(
            customID: ComponentRoute.rejectReason(workflowId: workflowId).customID, title: strings.rejectTitle(workflowId),
            components: [.label(Label(label: strings.rejectReasonLabel, description: strings.rejectReasonHint, component: .textInput(reason)))]))
    }
}

/// The reason modal of the Reject button: `wf.reject.reason:<id>`.
struct RejectReasonSubmit: ModalHandler {
    let moderatorsOnly = true

    func run(_ context: InteractionContext, _ route: ComponentRoute, _ data: ModalSubmitData) async throws {
        guard case .rejectReason(let workflowId) = route else { throw Refusal(context.strings.unknownAction) }
        let reason = data.textInputValue(customID: Rejection.reasonField)?.trimmingCharacters(in: .whitespacesAndNewlines)
        try await Rejection.reject(context, workflowId: workflowId, reason: reason?.isEmpty == false ? reason : nil)
    }
}

enum Rejection {
    static let reasonField = "reason"

    /// Rejects in one transaction (the domain refuses a decided request, naming who decided) and
    /// says who rejected, with the reason.
    static func reject(_ context: InteractionContext, workflowId: Int, reason: String?) async throws {
        let strings = context.strings
        do {
            _ = try await context.services.workflow.reject(workflowId, by: context.invokerID, reason: reason)
        } catch LendingError.invalidRequest(let field, _) where field == "reason" {
            throw Refusal(strings.fieldRule(strings.fieldName(field), strings.reasonRule))
        }
        context.services.drafts.discard(workflowId)
        try await context.replyEphemeral(Limits.content(strings.rejected(workflowId, by: context.invokerID, reason: reason)))
    }
}

extension SlashCommand {
    static var workflowReject: SlashCommand {
        let reason: CommandOption = parameter(.string, "reason", Text("reason"), Text("Why, for the applicant"),
                                              required: false, length: 1...500)
        return SlashCommand(.admin(.workflow), subcommand("reject", Text("Reject a request"),
                                                          [requestID(Text("The request to reject")), reason]),
                            handler: WorkflowRejectCommand(), autocomplete: WorkflowAutocomplete.pending)
    }
}
