import Discord
import Foundation
import Lending

/// Where one message of a notice goes.
enum NoticeDestination: Sendable, Equatable {
    case directMessage(UserID)
    /// `DISCORD_NOTIFY_CHANNEL_ID`, the moderators' channel.
    case notifyChannel(ChannelID)
}

/// One message of a notice, ready to send except for its nonce.
struct NoticeMessage: Sendable {
    let destination: NoticeDestination
    let message: MessageCreate
    /// Set on a message the bot edits later (a request's post, a reminder's extend button): it is
    /// recorded once sent, under this purpose and workflow.
    var editedLater: (purpose: PostedMessage.Purpose, workflowId: Int)? = nil
}

/// Turns a `LendingNotice` into messages: pure, so every notice can be checked as a value.
///
/// Channel posts are written in the guild's language, direct messages in the language the member
/// last used with the bot (`memberLanguages`), or the guild's for a member never seen. Channel
/// posts ping only the moderator roles, and only for what needs a moderator (an expired loan, a
/// failed task); everything else names people without notifying them (`allowed_mentions` lists
/// nothing).
struct NoticeMessages: Sendable {
    /// The guild's language: the notify channel's, and a member's whose own is not known.
    let strings: Strings
    let notifyChannel: ChannelID?
    let moderatorRoles: [RoleID]
    /// The language of each member this notice writes to, where known, by Discord id.
    var memberLanguages: [String: Language] = [:]

    /// The Discord ids this notice sends a direct message to: whose language to look up.
    static func directRecipients(of notice: LendingNotice) -> [String] {
        switch notice {
        case .loanApproved(_, let member), .panelAccessGranted(_, let member, _), .returnReminder(_, let member, _),
             .loanReturned(_, let member, _), .requestRejected(_, let member, _, _):
            [member]
        case .requestFiled, .loanReturnedToModerators, .loanExtendedByOrganizer, .loanExtendedByModerator, .requestWithdrawn, .loanExpired,
             .approvalProgress, .taskFailed:
            []
        }
    }

    /// The texts for a direct message to this member.
    func memberStrings(_ discordId: String) -> Strings {
        memberLanguages[discordId].map(\.strings) ?? strings
    }

    func messages(for notice: LendingNotice) -> [NoticeMessage] {
        switch notice {
        case .requestFiled(let request):
            // It goes to the moderators' channel alone: without one there is nothing to render, and
            // rendering it for nothing was 5 % of a filing's instructions (the benchmark's callgrind).
            guard notifyChannel != nil else { return [] }
            let workflow = request.workflow
            let review = LoanEmbed.make(.init(workflow: workflow, panelUsers: request.panelUsers, usersWithAccount: request.panelUsersWithAccount),
                                        strings: strings)
            let buttons = [
                Button(style: .success, label: strings.approveButton, customID: ComponentRoute.approveRequest(workflowId: workflow.id).customID),
                Button(style: .danger, label: strings.rejectButton, customID: ComponentRoute.rejectRequest(workflowId: workflow.id).customID),
            ]
            return kept(.request, workflowId: workflow.id, channel(strings.requestFiled(workflow), embed: review, buttons: buttons, pingModerators: true))
        case .loanApproved(let loan, let organizer):
            let own = memberStrings(organizer)
            return direct(organizer, own.loanApprovedToOrganizer(loan), embed: embed(loan, in: own))
                + channel(strings.loanApprovedToModerators(loan), embed: embed(loan))
        case .panelAccessGranted(let loan, let panelUser, let username):
            return direct(panelUser, memberStrings(panelUser).panelAccessGranted(loan, username: username))
        case .returnReminder(let loan, let organizer, let daysLeft):
            let own = memberStrings(organizer)
            return kept(.reminder, workflowId: loan.workflowId, direct(organizer, own.returnReminder(loan, daysLeft: daysLeft), embed: embed(loan, in: own),
                                          buttons: extendButton(loan, in: own).map { [$0] } ?? [])
                + channel(strings.returnReminderToModerators(loan, daysLeft: daysLeft), embed: embed(loan),
                          buttons: extendButton(loan).map { [$0] } ?? []))
        case .loanExtendedByOrganizer(let loan, let previousEnd, let days):
            return channel(strings.loanExtendedByOrganizer(loan, previousEnd: previousEnd, days: days), embed: embed(loan))
        case .loanExtendedByModerator(let loan, let previousEnd, let moderator):
            return channel(strings.loanExtendedByModerator(loan, previousEnd: previousEnd, by: moderator), embed: embed(loan))
        case .requestWithdrawn(let loan, let member):
            return channel(strings.requestWithdrawn(loan, by: member), embed: embed(loan))
        case .loanExpired(let loan):
            return channel(strings.loanExpired(loan), embed: embed(loan), pingModerators: true)
        case .loanReturnedToModerators(let loan, let archive):
            return channel(strings.loanReturnedToModerators(loan, archive: archive), embed: embed(loan))
        case .loanReturned(let loan, let recipient, let archive):
            return direct(recipient, memberStrings(recipient).loanReturned(loan, archive: archive))
        case .requestRejected(let loan, let applicant, let reason, _):
            return direct(applicant, memberStrings(applicant).requestRejected(loan, reason: reason))
        case .approvalProgress:
            // Shown by editing the approving moderator's reply (`DiscordNotifier`), not as messages.
            return []
        case .taskFailed(let failure):
            let retry = Button(style: .primary, label: strings.retryButton, customID: ComponentRoute.retryTask(taskId: failure.taskId).customID)
            return channel(strings.taskFailed(failure), buttons: [retry], pingModerators: true)
        }
    }

    /// `loan.extend:<id>:<end in epoch milliseconds>`: the end date the organizer was shown, so a
    /// press after someone else extended the loan is refused instead of extending twice.
    func extendButton(_ loan: LoanSummary, in strings: Strings? = nil) -> Button? {
        guard let end = loan.endDate else { return nil }
        return Button(style: .success, label: (strings ?? self.strings).extendButton,
                      customID: ComponentRoute.extendLoan(workflowId: loan.workflowId, seenEndDate: end).customID)
    }

    /// Marks messages that carry buttons the bot removes later, to be recorded once sent.
    private func kept(_ purpose: PostedMessage.Purpose, workflowId: Int, _ messages: [NoticeMessage]) -> [NoticeMessage] {
        messages.map { message in
            var kept = message
            if message.message.components != nil { kept.editedLater = (purpose, workflowId) }
            return kept
        }
    }

    private func direct(_ discordId: String, _ content: String, embed: Embed? = nil, buttons: [Button] = []) -> [NoticeMessage] {
        // A Discord id the workflow stored is always a snowflake; anything else has nowhere to go.
        guard let user = UserID(discordId) else { return [] }
        return [NoticeMessage(destination: .directMessage(user), message: message(content, embed: embed, buttons: buttons, mentions: .nobody))]
    }

    private func channel(_ content: String, embed: Embed? = nil, buttons: [Button] = [], pingModerators: Bool = false) -> [NoticeMessage] {
        guard let notifyChannel else { return [] }
        var text = content
        var mentions = AllowedMentions.nobody
        if pingModerators, !moderatorRoles.isEmpty {
            text = moderatorRoles.map { "<@&\($0)>" }.joined(separator: " ") + " " + content
            mentions = AllowedMentions(parse: [], roles: moderatorRoles)
        }
        return [NoticeMessage(destination: .notifyChannel(notifyChannel), message: message(text, embed: embed, buttons: buttons, mentions: mentions))]
    }

    /// A message without an embed of ours is sent with SUPPRESS_EMBEDS, so no link in member
    /// text unfolds into a preview; the flag would hide our own embed too, so with one the
    /// escaping of member text (no link is recognised) is what keeps previews out.
    private func message(_ content: String, embed: Embed?, buttons: [Button], mentions: AllowedMentions) -> MessageCreate {
        MessageCreate(content: Limits.content(content), embeds: embed.map { [$0] },
                      components: buttons.isEmpty ? nil : [.actionRow(ActionRow(buttons.map(Component.button)))],
                      allowedMentions: mentions, flags: embed == nil ? .suppressEmbeds : nil)
    }

    /// The loan at a glance: server, address, period, organizer and panel users.
    func embed(_ loan: LoanSummary, in strings: Strings? = nil) -> Embed {
        let strings = strings ?? self.strings
        var fields: [EmbedField] = []
        if let alias = loan.serverAlias {
            fields.append(EmbedField(name: strings.embedServer, value: Limits.field(alias), isInline: true))
        }
        if let address = loan.connectionAddress {
            fields.append(EmbedField(name: strings.statusAddress, value: Limits.field("`\(address)`"), isInline: true))
        }
        if let version = loan.mcVersion {
            fields.append(EmbedField(name: strings.embedVersion, value: Limits.field(version), isInline: true))
        }
        if let start = loan.startDate, let end = loan.endDate {
            fields.append(EmbedField(name: strings.embedPeriod, value: "\(strings.date(start)) – \(strings.date(end)) (\(strings.relative(end)))"))
        }
        fields.append(EmbedField(name: strings.fieldName("organizer"), value: "<@\(loan.organizerDiscordId)>", isInline: true))
        if !loan.panelUserDiscordIds.isEmpty {
            fields.append(EmbedField(name: strings.fieldName("panelUsers"),
                                     value: Limits.field(loan.panelUserDiscordIds.map { "<@\($0)>" }.joined(separator: " "))))
        }
        return Embed(title: Limits.title("#\(loan.workflowId) \(LoanText.memberText(loan.description))"), color: LoanEmbed.color(.active), fields: fields)
    }
}
