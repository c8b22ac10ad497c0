import Foundation
import Lending

// What every language shares: members of `Catalogue` that hold no words, only formatting, so no
// catalogue repeats them.
extension Catalogue {
    /// A date as Discord shows it in the reader's own zone and language.
    func date(_ date: Date) -> String { "<t:\(Int(date.timeIntervalSince1970)):D>" }
    func relative(_ date: Date) -> String { "<t:\(Int(date.timeIntervalSince1970)):R>" }
    /// A date and time (`<t:…:f>`), each reader's own.
    func dateTime(_ date: Date) -> String { "<t:\(Int(date.timeIntervalSince1970)):f>" }
    func dateAndRelative(_ date: Date) -> String { "\(self.date(date)) (\(relative(date)))" }
    /// A date, or a dash where there is none.
    func dateOrDash(_ date: Date?) -> String { date.map(self.date) ?? "—" }

    /// Members as mentions (`mention(_:)`), or a dash for nobody.
    func mentions(_ discordIds: [String]) -> String {
        discordIds.isEmpty ? "—" : discordIds.map { mention($0) }.joined(separator: " ")
    }

    /// Requests or loans as `#1, #2`.
    func numbers(_ ids: [Int]) -> String { ids.map { "#\($0)" }.joined(separator: ", ") }
    /// Names as code: `` `alex`, `steve` ``.
    func codes(_ names: [String]) -> String { names.map { "`\($0)`" }.joined(separator: ", ") }

    /// The purpose a member typed, on one line and with Markdown escaped: in a DM or a channel
    /// post it must not become a masked link, a mention, a heading or text that looks like the
    /// bot's own.
    func purpose(_ loan: LoanSummary) -> String { LoanText.memberText(loan.description) }
    func purpose(_ workflow: WorkflowRecord) -> String { LoanText.memberText(workflow.description) }
}

// MARK: - ServerTypes

extension Catalogue {
    func typeList(_ types: [String]) -> String {
        types.map { "`\($0)`" }.joined(separator: ", ")
    }
}
