import Discord
import Foundation
import Lending

/// The embed that shows a request or loan everywhere the bot talks about one: status colour,
/// purpose, organizer, panel users, server and dates, within Discord's limits.
enum LoanEmbed {
    /// What the embed shows; gathered from the database by the caller.
    struct Facts: Sendable {
        var workflow: WorkflowRecord
        var panelUsers: [String]
        /// Panel users who already have a panel account (shown with a mark in reviews).
        var usersWithAccount: Set<String>? = nil
        var serverAlias: String? = nil
        var connectionAddress: String? = nil
    }

    static func color(_ status: WorkflowStatus) -> Int {
        switch status {
        case .pending: 0x3498DB
        case .active: 0x2ECC71
        case .rejected: 0xE74C3C
        case .returned: 0x95A5A6
        }
    }

    static func make(_ facts: Facts, title: String? = nil, strings: Strings) -> Embed {
        let workflow = facts.workflow
        var fields = [
            EmbedField(name: strings.embedStatus, value: strings.status(workflow.status), isInline: true),
            EmbedField(name: strings.fieldName("organizer"), value: "<@\(workflow.organizerDiscordId)>", isInline: true),
            EmbedField(name: strings.embedVersion, value: workflow.mcVersion, isInline: true),
        ]
        if let type = workflow.serverType {
            fields.append(EmbedField(name: strings.serverTypeLabel, value: type, isInline: true))
        }
        let users = facts.panelUsers.map { user -> String in
            guard let withAccount = facts.usersWithAccount else { return "<@\(user)>" }
            return withAccount.contains(user)
                ? "<@\(user)> ✅"
                : "<@\(user)> — " + strings.embedNoPanelAccount
        }
        fields.append(EmbedField(name: strings.fieldName("panelUsers"), value: Limits.field(users.joined(separator: "\n"))))
        if let alias = facts.serverAlias {
            let value = facts.connectionAddress.map { "\(alias) (`\($0)`)" } ?? alias
            fields.append(EmbedField(name: strings.embedServer, value: value, isInline: true))
        }
        if let start = workflow.startDate, let end = workflow.endDate {
            fields.append(EmbedField(name: strings.embedPeriod,
                                     value: "\(strings.date(start)) – \(strings.date(end)) (\(strings.relative(end)))", isInline: true))
        } else {
            fields.append(EmbedField(name: strings.embedPeriod,
                                     value: strings.embedPeriodDays(workflow.periodDays), isInline: true))
        }
        return Embed(title: Limits.title(title ?? "#\(workflow.id) \(LoanText.memberText(workflow.description))"), description: nil,
                     color: color(workflow.status), fields: fields)
    }
}

/// Cuts text to Discord's limits with an ellipsis. Discord counts Unicode scalars, where Swift's
/// `count` counts grapheme clusters and would let longer text through; the cut falls between
/// characters, so a flag or a joined emoji is never split.
enum Limits {
    static func title(_ text: String) -> String { cut(text, 256) }
    static func field(_ text: String) -> String { cut(text.isEmpty ? "—" : text, 1024) }
    static func content(_ text: String) -> String { cut(text, 2000) }

    /// `first`, then as many of `lines` as fit within `limit` characters, one per line, and how
    /// many did: a list that must say what it left out ("…and N more") needs the count.
    static func fitted(_ lines: [String], after first: String, within limit: Int) -> (text: String, shown: Int) {
        var text = first
        var shown = 0
        for line in lines {
            guard text.unicodeScalars.count + 1 + line.unicodeScalars.count <= limit else { break }
            text += "\n" + line
            shown += 1
        }
        return (text, shown)
    }

    static func cut(_ text: String, _ limit: Int) -> String {
        guard text.unicodeScalars.count > limit else { return text }
        var result = ""
        var used = 0
        for character in text {
            let size = character.unicodeScalars.count
            guard used + size <= limit - 1 else { break }
            result.append(character)
            used += size
        }
        return result + "…"
    }
}
