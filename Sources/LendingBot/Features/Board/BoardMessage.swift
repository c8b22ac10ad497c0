import Discord
import Foundation
import Lending

/// What the live board shows, read in one go: the most urgent first, each list cut to what fits.
struct BoardFacts: Sendable, Equatable {
    /// ACTIVE loans, the soonest ending first; at most `BoardMessage.shownLoans`.
    var activeLoans: [WorkflowRecord]
    var activeCount: Int
    /// PENDING requests, the oldest first; at most `BoardMessage.shownRequests`.
    var pendingRequests: [WorkflowRecord]
    var pendingCount: Int
    /// The server pool with who holds each server.
    var servers: [BindingUsage]
}

/// The live board as one components-v2 message: text displays for the summary, the active loans
/// with their days left and a Gantt chart, the pending requests and the free servers (each with
/// its type when the pool has several), then one row of buttons. A pure function of the facts, so a refresh that changes nothing sends nothing.
///
/// Discord refuses a components-v2 message of more than 40 components or 4000 characters of text
/// (docs/DISCORD.md#content-limits); the board uses nine components whatever it shows, and each
/// section has its own character budget, cut line by line with "…and N more", so it stays within
/// both however many loans there are.
enum BoardMessage {
    static let shownLoans = ActiveLoansPage.size
    static let shownRequests = 10
    /// Character budgets of the sections; with the headings they stay below Discord's 4000.
    static let summaryBudget = 300
    static let activeBudget = 2300
    static let pendingBudget = 900
    static let freeBudget = 400
    static let purposeLimit = 48

    static func render(_ facts: BoardFacts, today: CalendarDate, zone: TimeZone, strings: Strings) -> MessageCreate {
        let aliases = Dictionary(facts.servers.map { ($0.binding.pteroId, $0.binding.name) }, uniquingKeysWith: { first, _ in first })
        let free = facts.servers.filter { $0.holder == nil }.map(\.binding)
        let typed = Set(facts.servers.map(\.binding.serverType)).count > 1
        let summary = strings.boardTitle + "\n" + strings.boardSummary(active: facts.activeCount, pending: facts.pendingCount,
                                                                        free: free.count, servers: facts.servers.count)
        let sections = [
            Limits.cut(summary, summaryBudget),
            activeSection(facts, aliases: aliases, today: today, zone: zone, strings: strings),
            pendingSection(facts, aliases: aliases, strings: strings),
            freeSection(free, typed: typed, strings: strings),
        ]
        let buttons = ActionRow([
            .button(Button(style: .primary, label: strings.boardRequestButton, customID: ComponentRoute.boardRequest.customID)),
            .button(Button(style: .secondary, label: strings.boardMineButton, customID: ComponentRoute.boardMine.customID)),
            .button(Button(style: .secondary, label: strings.boardReviewButton, customID: ComponentRoute.boardReview.customID)),
        ])
        return MessageCreate(components: sections.map { .textDisplay(TextDisplay(content: $0)) } + [.actionRow(buttons)],
                             allowedMentions: .nobody, flags: .isComponentsV2)
    }

    private static func activeSection(_ facts: BoardFacts, aliases: [String: String], today: CalendarDate, zone: TimeZone,
                                      strings: Strings) -> String {
        let heading = strings.boardActiveHeading(facts.activeCount)
        guard !facts.activeLoans.isEmpty else { return heading + "\n" + strings.boardNoActive }
        let room = activeBudget - heading.unicodeScalars.count - 1 - strings.boardMore(facts.activeCount).unicodeScalars.count - 1
        let listed = ActiveLoansPage.listing(facts.activeLoans, aliases: aliases, today: today, zone: zone, strings: strings, limit: room)
        // The chart is of bounded width, so only a pathological alias list could pass the budget; the cut is the guarantee.
        return Limits.cut(withMore(heading + "\n" + listed.text, left: facts.activeCount - listed.shown, strings: strings), activeBudget)
    }

    private static func pendingSection(_ facts: BoardFacts, aliases: [String: String], strings: Strings) -> String {
        let heading = strings.boardPendingHeading(facts.pendingCount)
        guard !facts.pendingRequests.isEmpty else { return heading + "\n" + strings.boardNoPending }
        let lines = facts.pendingRequests.map { request -> String in
            var parts = ["`#\(request.id)`", LoanText.escaped(Limits.cut(LoanText.oneLine(request.description), purposeLimit)),
                         "<@\(request.organizerDiscordId)>", strings.boardDays(request.periodDays), LoanText.escaped(request.mcVersion)]
            if let server = request.pteroServerId { parts.insert("**\(LoanText.escaped(aliases[server] ?? server))**", at: 1) }
            return parts.joined(separator: " · ")
        }
        let room = pendingBudget - strings.boardMore(facts.pendingCount).unicodeScalars.count - 1
        let (text, shown) = Limits.fitted(lines, after: heading, within: room)
        return withMore(text, left: facts.pendingCount - shown, strings: strings)
    }

    /// The free servers' aliases; with `typed` (the pool has several types), each with its type,
    /// so a member sees whether a server of the kind they need is free.
    private static func freeSection(_ free: [ServerBindingRecord], typed: Bool, strings: Strings) -> String {
        guard !free.isEmpty else { return strings.boardFreeHeading + "\n" + strings.boardNoFree }
        let names = free.map { binding in
            let alias = "`\(Limits.cut(binding.name, 32).replacingOccurrences(of: "`", with: "'"))`"
            return typed ? alias + " (\(binding.serverType))" : alias
        }
        let room = freeBudget - strings.boardMore(free.count).unicodeScalars.count - 1
        var text = strings.boardFreeHeading + "\n"
        var shown = 0
        for name in names {
            let separator = shown == 0 ? "" : (typed ? " · " : " ")
            guard text.unicodeScalars.count + separator.unicodeScalars.count + name.unicodeScalars.count <= room else { break }
            text += separator + name
            shown += 1
        }
        return withMore(text, left: free.count - shown, strings: strings)
    }

    private static func withMore(_ text: String, left: Int, strings: Strings) -> String {
        left > 0 ? text + "\n" + strings.boardMore(left) : text
    }
}
