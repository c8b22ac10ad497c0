import Clocks
import Discord
import Foundation
import Lending

/// `/mcserver-admin checkout create [server]`: a moderator lends a server directly, without a
/// member's request. The form is the request form (purpose, version, period, organizer, panel
/// users); the command's server, if named, rides in the form's id (`loan.create:<alias>`). Only
/// database reads come before the modal, so it opens within Discord's three seconds.
struct CheckoutCreateCommand: CommandHandler {
    func run(_ context: InteractionContext, _ command: ApplicationCommandData) async throws {
        let strings = context.strings
        let alias = command.string("server")?.trimmingCharacters(in: .whitespaces)
        if let alias {
            guard ServerAlias.isValid(alias) else { throw LendingError.serverNotFound(alias: alias) }
            // Said now rather than after the form.
            try await context.services.workflow.requireServerFree(alias)
        }
        try await context.openModal(CheckoutForm.modal(strings: strings, maxPeriod: context.services.configuration.checkoutMaxPeriodDays,
                                                       route: .createLoan(serverAlias: alias), title: strings.directLoanTitle))
    }
}

/// The submitted direct-loan form: `loan.create[:<alias>]`. The loan is stored with the moderator
/// as its applicant and approved by them at once; panel users without a panel account are asked
/// for their usernames exactly as an approval asks (the Continue button and the usernames modal,
/// `ApprovalFlow`), since a modal cannot open another.
struct CheckoutCreateSubmit: ModalHandler {
    let moderatorsOnly = true

    func run(_ context: InteractionContext, _ route: ComponentRoute, _ data: ModalSubmitData) async throws {
        let strings = context.strings
        let services = context.services
        guard case .createLoan(let serverAlias) = route else { throw Refusal(strings.unknownAction) }
        let maxPeriod = services.configuration.checkoutMaxPeriodDays
        let (request, panelUsers) = try CheckoutForm.read(data, applicant: context.invokerID, strings: strings, maxPeriod: maxPeriod)
        let workflow: WorkflowRecord
        do {
            workflow = try await services.workflow.fileDirectLoan(request, panelUsers: panelUsers, serverAlias: serverAlias)
        } catch LendingError.invalidRequest(let field, _) {
            throw Refusal(strings.fieldRule(strings.fieldName(field), strings.rule(for: field, maxPeriod: maxPeriod)))
        }
        let missing = try await services.workflow.usersWithoutAccount(workflow.id)
        if missing.isEmpty {
            do {
                try await ApprovalFlow.approve(context, workflowId: workflow.id, serverAlias: serverAlias, usernames: [:])
            } catch let error as LendingError {
                throw Refusal(strings.describe(error) + "\n" + strings.directLoanStaysPending(workflow.id))
            }
        } else {
            services.drafts.merge([:], for: workflow.id, moderator: context.invokerID, serverAlias: serverAlias, now: services.clock.date)
            try await ApprovalFlow.replyWithContinue(context, workflowId: workflow.id, strings.directLoanNeedsUsernames(workflow.id, count: missing.count))
        }
    }
}

extension SlashCommand {
    static var checkoutCreate: SlashCommand {
        let server: CommandOption = serverAlias(Text("The server to lend (default: the first free one)"),
                                                required: false)
        return SlashCommand(.admin(.loans), subcommand("create", Text("Lend a server directly, without a request"),
                                                       [server]),
                            handler: CheckoutCreateCommand(), autocomplete: ServerAliasAutocomplete())
    }
}
