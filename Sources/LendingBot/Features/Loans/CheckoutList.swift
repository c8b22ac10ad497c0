import Clocks
import Discord
import Foundation
import Lending

/// `/mcserver-admin checkout list`: every ACTIVE loan, the soonest ending first, with the days
/// left and a Gantt chart, in pages of `ActiveLoansPage.size` loans.
///
/// Each page is one embed whose description (code block and lines) stays within Discord's 4096
/// characters however long purposes and aliases are: the chart is ASCII of bounded width and
/// every line is clipped. The page buttons carry only the page number and read the loans again,
/// so a page is never stale by more than a click.
struct CheckoutListCommand: CommandHandler {
    func run(_ context: InteractionContext, _ command: ApplicationCommandData) async throws {
        try await context.deferReply(ephemeral: true)
        let page = try await ActiveLoansPage.load(page: 0, services: context.services, strings: context.strings)
        try await context.editReply(page)
    }
}

/// `loans.page:<n>` (moderators only): shows page `n` in place of the current one.
struct CheckoutListPageButton: ComponentHandler {
    let moderatorsOnly = true

    func run(_ context: InteractionContext, _ route: ComponentRoute, _ data: MessageComponentData) async throws {
        guard case .activeLoansPage(let page) = route else { throw Refusal(context.strings.unknownAction) }
        let edit = try await ActiveLoansPage.load(page: page, services: context.services, strings: context.strings)
        try await context.respond(.updateMessage(edit))
    }
}

enum ActiveLoansPage {
    static let size = 10
    /// Discord's limit on an embed description.
    static let descriptionLimit = 4096
    static let purposeLimit = 48

    /// Page `page` (0-based, clamped to the last) of the ACTIVE loans as a message edit.
    static func load(page: Int, services: BotServices, strings: Strings) async throws -> MessageEdit {
        let loans = try await activeLoans(services).sorted(by: LoanOrder.soonestEnd)
        guard !loans.isEmpty else {
            return MessageEdit(content: strings.noActiveLoans, embeds: [], components: [], allowedMentions: .nobody)
        }
        let aliases = try await ServerAliases.byPanelID(services)
        let pages = (loans.count + size - 1) / size
        let index = min(page, pages - 1)
        let shown = Array(loans[(index * size)..<min(loans.count, (index + 1) * size)])
        let zone = services.configuration.timeZone
        let today = CalendarDate(containing: services.clock.date, in: zone)
        let embed = Embed(title: strings.activeLoansTitle(loans.count),
                          description: description(shown, aliases: aliases, today: today, zone: zone, strings: strings),
                          color: LoanEmbed.color(.active),
                          footer: pages > 1 ? EmbedFooter(text: strings.activeLoansPage(index + 1, of: pages)) : nil)
        var components: [Component] = []
        if pages > 1 {
            components = [.actionRow(ActionRow([
                .button(Button(style: .secondary, label: strings.loansPagePrevious,
                               customID: ComponentRoute.activeLoansPage(max(0, index - 1)).customID, isDisabled: index == 0)),
                .button(Button(style: .secondary, label: strings.loansPageNext,
                               customID: ComponentRoute.activeLoansPage(min(pages - 1, index + 1)).customID, isDisabled: index == pages - 1)),
            ]))]
        }
        return MessageEdit(content: "", embeds: [embed], components: components, allowedMentions: .nobody)
    }

    /// Every ACTIVE loan: there are never more than servers in the pool.
    static func activeLoans(_ services: BotServices) async throws -> [WorkflowRecord] {
        var loans: [WorkflowRecord] = []
        while true {
            let batch = try await services.queries.workflows(status: .active, after: loans.last?.id ?? 0, limit: 100)
            loans += batch
            if batch.count < 100 { return loans }
        }
    }

    /// The chart in a code block, then one line per loan.
    static func description(_ loans: [WorkflowRecord], aliases: [String: String], today: CalendarDate, zone: TimeZone, strings: Strings) -> String {
        listing(loans, aliases: aliases, today: today, zone: zone, strings: strings, limit: descriptionLimit).text
    }

    /// The chart in a code block, then as many lines of `loans` as fit within `limit` characters,
    /// and how many did (the live board says how many it left out).
    static func listing(_ loans: [WorkflowRecord], aliases: [String: String], today: CalendarDate, zone: TimeZone, strings: Strings,
                        limit: Int) -> (text: String, shown: Int) {
        let alias = { (loan: WorkflowRecord) -> String in loan.pteroServerId.map { aliases[$0] ?? $0 } ?? "-" }
        let bars = loans.compactMap { loan -> GanttChart.Bar? in
            guard let start = loan.startDate, let end = loan.endDate else { return nil }
            return GanttChart.Bar(id: loan.id, server: alias(loan), start: CalendarDate(containing: start, in: zone),
                                  end: CalendarDate(containing: end, in: zone))
        }
        let chart = "```\n" + GanttChart(today: today).render(bars, todayLabel: strings.ganttToday) + "\n```"
        let lines = loans.map { loan -> String in
            var parts = ["`#\(loan.id)`", "**\(LoanText.escaped(Limits.cut(alias(loan), 32)))**",
                         LoanText.escaped(Limits.cut(LoanText.oneLine(loan.description), purposeLimit)), "<@\(loan.organizerDiscordId)>"]
            if let end = loan.endDate {
                let left = today.days(until: CalendarDate(containing: end, in: zone))
                parts.append("\(strings.date(end)) (\(strings.daysLeft(left)))")
            }
            return parts.joined(separator: " · ")
        }
        return Limits.fitted(lines, after: chart, within: limit)
    }
}

extension SlashCommand.Group {
    /// `/mcserver-admin checkout …`: the loans.
    static let loans = SlashCommand.Group(name: "checkout", description: SlashCommand.Text("Loans"))
}

extension SlashCommand {
    static let checkoutList = SlashCommand(.admin(.loans), subcommand("list", Text("List active loans")),
                                           handler: CheckoutListCommand())
}
