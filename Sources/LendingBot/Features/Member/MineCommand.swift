import Clocks
import Discord
import Foundation
import Lending

/// `/mcserver mine`: the invoker's requests and loans (as applicant, organizer or panel user),
/// ephemerally, with the buttons that apply to each.
///
/// One embed, a field per request, the most relevant first (`WorkflowService.ownRequests`): active
/// loans by the soonest end, pending requests, then the decided ones. The buttons are the
/// existing flows' own: Extend is the reminder's `loan.extend:<id>:<end>`; Return and Withdraw
/// open their confirmations (`loan.return.ask:<id>`, `req.withdraw.ask:<id>`), so nothing is
/// returned or withdrawn by a single click on a list. The domain decides which apply, and checks
/// again at click time.
struct MineCommand: CommandHandler {
    /// Fields shown; each carries at most three buttons, so their rows fit Discord's five.
    static let maxShown = 8

    func run(_ context: InteractionContext, _ command: ApplicationCommandData) async throws {
        try await Self.answer(context)
    }

    /// The invoker's requests and loans as an ephemeral reply: the command's answer, and the live
    /// board's "My loans" button's.
    static func answer(_ context: InteractionContext) async throws {
        let services = context.services
        let strings = context.strings
        // The address of each active loan is asked of the panel: that may outlast Discord's three seconds.
        try await context.deferReply(ephemeral: true)
        let own = try await services.workflow.ownRequests(of: context.invokerID, limit: maxShown)
        guard !own.shown.isEmpty else {
            _ = try await context.editReply(MessageEdit(content: strings.mineNothing, embeds: [], components: [], allowedMentions: .nobody))
            return
        }
        let listing = MineListing(member: context.invokerID, strings: strings, zone: services.configuration.timeZone, now: services.clock.date)
        _ = try await context.editReply(MessageEdit(content: strings.mineTitle, embeds: [listing.embed(own)],
                                                    components: listing.buttonRows(own.shown), allowedMentions: .nobody))
    }
}

/// Renders `/mcserver mine` within Discord's limits: at most 25 fields of 1024 characters, 6000
/// over the embed, five rows of five buttons.
struct MineListing {
    let member: String
    let strings: Strings
    let zone: TimeZone
    let now: Date

    /// Eight fields of a name cut to 256 and a value of a few short lines stay below the 6000
    /// characters of an embed.
    func embed(_ own: WorkflowService.OwnRequests) -> Embed {
        let footer = own.total > own.shown.count ? EmbedFooter(text: strings.mineLeftOut(shown: own.shown.count, total: own.total)) : nil
        return Embed(color: LoanEmbed.color(own.shown[0].workflow.status), fields: own.shown.map(field), footer: footer)
    }

    func field(_ request: WorkflowService.OwnRequest) -> EmbedField {
        let workflow = request.workflow
        let name = Limits.title("#\(workflow.id) \(LoanText.memberText(workflow.description)) — \(strings.status(workflow.status))")
        var lines = [strings.mineRoles(applicant: workflow.applicantDiscordId == member, organizer: workflow.organizerDiscordId == member,
                                       panelUser: request.panelUsers.contains(member))]
        if workflow.status == .pending || workflow.status == .active {
            lines.append(strings.mineServer(request.serverAlias, address: request.address))
        }
        lines.append(strings.mineVersion(workflow.mcVersion))
        if let type = workflow.serverType { lines.append(strings.requestedType(type)) }
        if let end = workflow.endDate {
            // Days left only mean something while the server is lent.
            let day = CalendarDate(containing: end, in: zone)
            lines.append(workflow.status == .active
                ? strings.mineEnd(day, daysLeft: CalendarDate(containing: now, in: zone).days(until: day))
                : strings.mineEnded(day))
        } else if workflow.status == .pending {
            lines.append(strings.minePeriod(workflow.periodDays))
        }
        return EmbedField(name: name, value: Limits.field(lines.filter { !$0.isEmpty }.joined(separator: "\n")))
    }

    /// The buttons that apply, in the order the fields show, five to a row and five rows at most.
    func buttonRows(_ shown: [WorkflowService.OwnRequest]) -> [Component] {
        var buttons: [Button] = []
        for request in shown {
            let id = request.workflow.id
            if request.canExtend, let end = request.workflow.endDate {
                buttons.append(Button(style: .primary, label: strings.mineExtendLabel(id),
                                      customID: ComponentRoute.extendLoan(workflowId: id, seenEndDate: end).customID))
            }
            if request.canReturn {
                buttons.append(Button(style: .danger, label: strings.mineReturnLabel(id), customID: ComponentRoute.askReturn(workflowId: id).customID))
            }
            if request.canWithdraw {
                buttons.append(Button(style: .secondary, label: strings.mineWithdrawLabel(id),
                                      customID: ComponentRoute.askWithdraw(workflowId: id).customID))
            }
        }
        let perRow = Limit.buttonsPerActionRow.value
        let limited = Array(buttons.prefix(perRow * Limit.actionRowsPerMessage.value))
        return stride(from: 0, to: limited.count, by: perRow).map { start in
            .actionRow(ActionRow(limited[start..<min(start + perRow, limited.count)].map { .button($0) }))
        }
    }
}

/// The Return button of `/mcserver mine`, `loan.return.ask:<id>`: shows the same confirmation as
/// `/mcserver return`, whose button (`loan.return:<id>`) queues the return.
struct ReturnAsk: ComponentHandler {
    let moderatorsOnly = false

    func run(_ context: InteractionContext, _ route: ComponentRoute, _ data: MessageComponentData) async throws {
        guard case .askReturn(let workflowId) = route else { throw Refusal(context.strings.unknownAction) }
        let loan = try await ReturnConfirmation.returnable(workflowId, context: context)
        let confirmation = try await ReturnConfirmation.make(loan, context: context)
        try await OwnLoans.answer(context, confirmation.content, embeds: confirmation.embeds, components: confirmation.components)
    }
}

extension SlashCommand {
    static let mine = SlashCommand(
        .member, subcommand("mine", Text("Show your requests and loans")),
        handler: MineCommand())
}
