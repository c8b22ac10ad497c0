import Discord
import Foundation
import Lending

/// `/mcserver-admin workflow list [status]`: the requests with one status, a page at a time, in
/// an ephemeral reply with Previous and Next buttons.
struct WorkflowListCommand: CommandHandler {
    func run(_ context: InteractionContext, _ command: ApplicationCommandData) async throws {
        let strings = context.strings
        var status = WorkflowStatus.pending
        if let text = WorkflowCommands.text("status", in: command) {
            guard let parsed = WorkflowStatus(rawValue: text.uppercased()) else {
                throw Refusal(strings.fieldRule(strings.statusOption, strings.statusOptionRule))
            }
            status = parsed
        }
        try await Self.answer(context, status: status)
    }

    /// The first page of the requests with `status` as an ephemeral reply: the command's answer,
    /// and (for PENDING) the live board's "Review" button's.
    static func answer(_ context: InteractionContext, status: WorkflowStatus) async throws {
        let page = try await WorkflowListPage.load(status, from: .start, services: context.services, strings: context.strings)
        try await context.respond(.channelMessage(MessageCreate(embeds: [page.embed], components: page.components,
                                                                allowedMentions: .nobody, flags: .ephemeral)))
    }
}

/// Previous or Next under a list: `wf.list:<STATUS>:<a|b>:<id>`. The custom_id carries only the
/// status and the keyset cursor; the page is read again from the database at click time, so it
/// shows requests as they are now.
struct WorkflowListPageButton: ComponentHandler {
    let moderatorsOnly = true

    func run(_ context: InteractionContext, _ route: ComponentRoute, _ data: MessageComponentData) async throws {
        guard case .requestListPage(let status, let cursor) = route else { throw Refusal(context.strings.unknownAction) }
        let position: WorkflowListPage.Position = switch cursor {
        case .after(let id): .after(id)
        case .before(let id): .before(id)
        }
        let page = try await WorkflowListPage.load(status, from: position, services: context.services, strings: context.strings)
        try await context.respond(.updateMessage(MessageEdit(embeds: [page.embed], components: page.components, allowedMentions: .nobody)))
    }
}

/// One page of the list: an embed with a field per request, within Discord's limits.
struct WorkflowListPage {
    /// Requests per page at most.
    static let size = 10
    /// What the fields may use of the embed's 6000 characters, leaving room for title and footer.
    /// Ordinary requests fit ten to a page; purposes of many-scalar emoji make a page shorter.
    static let fieldBudget = 5600

    enum Position: Equatable {
        case start
        /// The requests after this id (Next).
        case after(Int)
        /// The requests before this id (Previous).
        case before(Int)
    }

    let embed: Embed
    let components: [Component]

    static func load(_ status: WorkflowStatus, from position: Position, services: BotServices, strings: Strings) async throws -> WorkflowListPage {
        let queries = services.queries
        var rows: [WorkflowRecord]
        switch position {
        case .start: rows = try await queries.workflows(status: status, after: 0, limit: size)
        case .after(let id): rows = try await queries.workflows(status: status, after: id, limit: size)
        case .before(let id): rows = try await queries.workflows(status: status, before: id, limit: size)
        }
        if rows.isEmpty, position != .start {
            // What the page showed has moved on: start again from the beginning.
            rows = try await queries.workflows(status: status, after: 0, limit: size)
        }
        // Two queries for the whole page, not two per row: the answer is not deferred.
        let panelUsers = try await queries.panelUsers(of: rows.map(\.id))
        let aliases = try await ServerAliases.byPanelID(services)
        let fields = rows.map { workflow in
            field(for: workflow, panelUsers: panelUsers[workflow.id] ?? [], alias: workflow.pteroServerId.map { aliases[$0] ?? $0 }, strings: strings)
        }
        // Keep the fields within the budget, dropping from the far end of the direction of travel
        // so that turning back shows the page this one came from.
        var shown = Array(zip(rows, fields))
        while shown.reduce(0, { $0 + $1.1.name.unicodeScalars.count + $1.1.value.unicodeScalars.count }) > fieldBudget, shown.count > 1 {
            if case .before = position { shown.removeFirst() } else { shown.removeLast() }
        }
        guard let first = shown.first?.0, let last = shown.last?.0 else {
            let embed = Embed(title: strings.listTitle(status), description: strings.listEmpty(status), color: LoanEmbed.color(status))
            return WorkflowListPage(embed: embed, components: [])
        }
        let total = try await queries.count(status: status)
        let hasPrevious = try await !queries.workflows(status: status, before: first.id, limit: 1).isEmpty
        let hasNext = try await !queries.workflows(status: status, after: last.id, limit: 1).isEmpty
        let embed = Embed(title: strings.listTitle(status), color: LoanEmbed.color(status), fields: shown.map(\.1),
                          footer: EmbedFooter(text: strings.listFooter(first: first.id, last: last.id, total: total)))
        var components: [Component] = []
        if hasPrevious || hasNext {
            components = [.actionRow(ActionRow([
                .button(Button(style: .secondary, label: strings.previousPage,
                               customID: ComponentRoute.requestListPage(status: status, cursor: .before(first.id)).customID, isDisabled: !hasPrevious)),
                .button(Button(style: .secondary, label: strings.nextPage,
                               customID: ComponentRoute.requestListPage(status: status, cursor: .after(last.id)).customID, isDisabled: !hasNext)),
            ]))]
        }
        return WorkflowListPage(embed: embed, components: components)
    }

    /// "#id purpose", then who, the panel users and the terms or the server and dates.
    static func field(for workflow: WorkflowRecord, panelUsers: [String], alias: String?, strings: Strings) -> EmbedField {
        let applicant = workflow.applicantDiscordId == workflow.organizerDiscordId ? nil : workflow.applicantDiscordId
        var lines = [strings.listOrganizer(workflow.organizerDiscordId, applicant: applicant),
                     Limits.cut(strings.listPanelUsers(panelUsers), 400)]
        if let type = workflow.serverType { lines.append(strings.requestedType(type)) }
        switch workflow.status {
        case .pending:
            lines.append(strings.listTerms(version: workflow.mcVersion, days: workflow.periodDays))
            if let alias { lines.append(strings.listReserved(alias)) }
        case .active, .returned:
            lines.append(strings.listTerms(version: workflow.mcVersion, days: workflow.periodDays))
            lines.append(strings.listLoan(alias, start: workflow.startDate, end: workflow.endDate))
        case .rejected:
            lines.append(strings.listTerms(version: workflow.mcVersion, days: workflow.periodDays))
        }
        return EmbedField(name: Limits.cut("#\(workflow.id) \(LoanText.memberText(workflow.description))", 256),
                          value: Limits.cut(lines.joined(separator: "\n"), 1024))
    }
}

extension SlashCommand {
    static var workflowList: SlashCommand {
        let statuses: [CommandOptionChoice] = [
            choice("PENDING", Text("Pending")), choice("ACTIVE", Text("Active")),
            choice("REJECTED", Text("Rejected")), choice("RETURNED", Text("Returned")),
        ]
        let status: CommandOption = parameter(.string, "status", Text("status"),
                                              Text("Which requests to show (default: pending)"),
                                              required: false, choices: statuses)
        return SlashCommand(.admin(.workflow), subcommand("list", Text("List requests"), [status]), handler: WorkflowListCommand())
    }
}
