import Discord
import Foundation
import Lending

/// `/mcserver withdraw [id]`: the applicant or organizer takes back a PENDING request, after a
/// confirmation, shaped like `/mcserver return`.
///
/// The command and the select only show an ephemeral confirmation whose button
/// (`req.withdraw:<id>`) carries the request's id; the click withdraws through the domain, which
/// checks again under the row lock that the clicker filed or organizes it and that it is still
/// PENDING with no approval under way. So a forwarded button, a double click or an approval that
/// got there first changes nothing.
struct WithdrawCommand: CommandHandler {
    func run(_ context: InteractionContext, _ command: ApplicationCommandData) async throws {
        let services = context.services
        let strings = context.strings
        if let id = try command.workflowId("id") {
            let request = try await services.workflow.withdrawable(id, by: context.invokerID)
            let confirmation = WithdrawConfirmation.make(request, strings: strings)
            try await context.replyEphemeral(confirmation.content, components: confirmation.components)
            return
        }
        let requests = try await services.queries.withdrawableRequests(of: context.invokerID)
        switch requests.count {
        case 0:
            throw Refusal(strings.noOwnPendingRequest)
        case 1:
            let confirmation = WithdrawConfirmation.make(requests[0], strings: strings)
            try await context.replyEphemeral(confirmation.content, components: confirmation.components)
        default:
            let select = OwnLoans.select(.withdrawPick, loans: requests, placeholder: strings.withdrawPickPlaceholder,
                                         aliases: try await ServerAliases.byPanelID(services), strings: strings,
                                         zone: services.configuration.timeZone) { String($0.id) }
            let prompt = requests.count > OwnLoans.maxChoices
                ? strings.withdrawPickPrompt + "\n" + strings.onlyFirstRequestsListed(OwnLoans.maxChoices) : strings.withdrawPickPrompt
            try await context.replyEphemeral(prompt, components: [select])
        }
    }
}

/// The request chosen in `/mcserver withdraw`'s select (`req.withdraw.pick`), or the Withdraw
/// button of `/mcserver mine` (`req.withdraw.ask:<id>`): the confirmation replaces the message.
struct WithdrawAsk: ComponentHandler {
    let moderatorsOnly = false

    func run(_ context: InteractionContext, _ route: ComponentRoute, _ data: MessageComponentData) async throws {
        let requestID: Int
        switch route {
        case .askWithdraw(let id):
            requestID = id
        case .withdrawPick:
            guard let value = data.values?.first, let id = Int(value), id > 0 else { throw Refusal(context.strings.unknownAction) }
            requestID = id
        default:
            throw Refusal(context.strings.unknownAction)
        }
        let request = try await context.services.workflow.withdrawable(requestID, by: context.invokerID)
        let confirmation = WithdrawConfirmation.make(request, strings: context.strings)
        try await OwnLoans.answer(context, confirmation.content, components: confirmation.components)
    }
}

/// The confirmed withdrawal, `req.withdraw:<id>`.
struct WithdrawButton: ComponentHandler {
    let moderatorsOnly = false

    func run(_ context: InteractionContext, _ route: ComponentRoute, _ data: MessageComponentData) async throws {
        guard case .withdrawRequest(let id) = route else { throw Refusal(context.strings.unknownAction) }
        do {
            _ = try await context.services.workflow.withdraw(id, by: context.invokerID)
        } catch LendingError.approvalInProgress {
            throw Refusal(context.strings.withdrawWhilePreparing(id))
        }
        // A moderator's unfinished rounds of usernames for it are moot now, as after a rejection.
        context.services.drafts.discard(id)
        try await OwnLoans.answer(context, context.strings.withdrawn(id))
    }
}

/// The confirmation message: what will be withdrawn and the one button that does it.
enum WithdrawConfirmation {
    struct Message {
        var content: String
        var components: [Component]
    }

    static func make(_ request: WorkflowRecord, strings: Strings) -> Message {
        let button = Button(style: .danger, label: strings.withdrawConfirmLabel,
                            customID: ComponentRoute.withdrawRequest(workflowId: request.id).customID)
        return Message(content: Limits.content(strings.withdrawConfirmPrompt(request)), components: [.actionRow(ActionRow([.button(button)]))])
    }
}

extension SlashCommand {
    static let withdrawOwn = SlashCommand(
        .member, subcommand("withdraw", Text("Withdraw your pending request"),
                            [loanID(Text("The request to withdraw (default: yours)"), required: false)]),
        handler: WithdrawCommand(), autocomplete: OwnLoanAutocomplete.withdrawable)
}
