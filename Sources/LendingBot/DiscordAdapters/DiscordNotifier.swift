public import Clocks
public import Discord
public import Lending
public import Logging
import Foundation

/// `LendingNotifier` on Discord: direct messages to the people a notice is about and posts in the
/// moderators' notify channel: posts in the guild's language (`GuildLanguage`), direct messages in
/// the language each member last used with the bot (`MemberLocales`).
///
/// Every message carries a nonce derived from the notice's deduplication key with
/// `enforce_nonce`, so a notice retried after a lost answer is not posted twice. A notice with
/// several messages counts as delivered when at least one arrived: a direct message the member
/// refuses is logged, not retried, as long as the channel copy went out. A transient failure fails
/// the whole notice; the retry sends everything again, and the nonces turn what already arrived
/// into no-ops.
public struct DiscordNotifier: LendingNotifier {
    let discord: DiscordClient
    let notifyChannel: ChannelID?
    let moderatorRoles: [RoleID]
    let guildLanguage: GuildLanguage
    /// Each member's own language, for direct messages; nil writes them in the guild's.
    let memberLocales: MemberLocales?
    /// Where an approval's progress is shown: the approving moderator's own reply.
    let replies: ApprovalReplies
    /// The messages the bot edits later: each request's post, reminders with an extend button.
    let postedMessages: PostedMessages
    /// One workflow's notices one at a time, so a post is recorded before a decision edits it.
    private let locks = WorkflowLocks()
    let application: ApplicationID?
    let clock: BotClock
    let logger: Logger

    public init(discord: DiscordClient, configuration: BotConfiguration, guildLanguage: GuildLanguage, postedMessages: PostedMessages,
                replies: ApprovalReplies = ApprovalReplies(), application: ApplicationID? = nil, memberLocales: MemberLocales? = nil,
                clock: BotClock = .system, logger: Logger) {
        self.memberLocales = memberLocales
        self.discord = discord
        self.replies = replies
        self.postedMessages = postedMessages
        self.application = application
        self.clock = clock
        self.notifyChannel = configuration.notifyChannelID.flatMap(ChannelID.init)
        self.moderatorRoles = configuration.adminRoleIDs.compactMap(RoleID.init)
        self.guildLanguage = guildLanguage
        self.logger = logger
    }

    public var tellsModerators: Bool { notifyChannel != nil }

    public func deliver(_ notice: LendingNotice, deduplicationKey: String) async throws {
        try await locks.withLock(notice.workflowId) {
            try await deliverAlone(notice, deduplicationKey: deduplicationKey)
        }
    }

    private func deliverAlone(_ notice: LendingNotice, deduplicationKey: String) async throws {
        let strings = guildLanguage.language.strings
        switch notice {
        case .approvalProgress(let progress):
            let text = strings.approvalProgress(progress)
            await showInReply(text, workflowId: progress.workflowId)
            if case .ready = progress.stage {
                replies.forget(workflowId: progress.workflowId)
                await showInRequestPost(text, decided: .approved(by: progress.moderator), workflowId: progress.workflowId)
            } else {
                await showInRequestPost(text, workflowId: progress.workflowId)
            }
            return
        case .taskFailed(let failure) where failure.kind == .approve:
            await showInReply(strings.taskFailed(failure), workflowId: failure.workflowId)
            await showInRequestPost(strings.taskFailed(failure), workflowId: failure.workflowId)
        case .requestWithdrawn(let loan, let member):
            await showInRequestPost(strings.requestWithdrawn(loan, by: member), decided: .withdrawn(by: member), workflowId: loan.workflowId)
        case .requestRejected(let loan, _, let reason, let moderator):
            await showInRequestPost(nil, decided: .rejected(by: moderator, reason: reason), workflowId: loan.workflowId)
        case .loanExtendedByOrganizer(let loan, _, _), .loanExtendedByModerator(let loan, _, _), .loanReturnedToModerators(let loan, _):
            // The loan's reminders are answered: their extend buttons would act on an end date that has moved.
            await settleReminders(of: loan.workflowId)
        default:
            break
        }
        var rendering = NoticeMessages(strings: strings, notifyChannel: notifyChannel, moderatorRoles: moderatorRoles)
        rendering.memberLanguages = await languages(of: NoticeMessages.directRecipients(of: notice))
        let messages = rendering.messages(for: notice)
        guard !messages.isEmpty else {
            // Only channel notices can come out empty: no DISCORD_NOTIFY_CHANNEL_ID is set.
            logger.warning("a notice for the moderators was not posted: no notify channel is configured", metadata: ["notice.key": "\(deduplicationKey)"])
            return
        }
        var refusals: [PortFailure] = []
        for notice in messages {
            do {
                let sent = try await send(notice, deduplicationKey: deduplicationKey)
                if let (purpose, workflowId) = notice.editedLater {
                    await record(sent, purpose: purpose, workflowId: workflowId, headline: notice.message.content ?? "")
                }
            } catch let failure as PortFailure where failure.kind == .permanent {
                refusals.append(failure)
            }
        }
        if refusals.count == messages.count, let first = refusals.first {
            throw first
        }
        for refusal in refusals {
            logger.warning("part of a notice was not delivered", metadata: ["notice.key": "\(deduplicationKey)", "error": "\(refusal.message)"])
        }
    }

    /// The recipients' own languages. Unknown here means the guild's: a database that cannot answer
    /// costs the member their language, not the notice.
    private func languages(of recipients: [String]) async -> [String: Language] {
        guard let memberLocales, !recipients.isEmpty else { return [:] }
        do {
            return try await memberLocales.locales(of: recipients).mapValues { Language(DiscordLocale(rawValue: $0)) }
        } catch {
            logger.info("members' languages not read; their messages are in the guild's", metadata: ["error": "\(error)"])
            return [:]
        }
    }

    /// Edits the approving moderator's reply, when the bot still may. Progress is a courtesy: a
    /// failed edit is logged and nothing else changes.
    private func showInReply(_ content: String, workflowId: Int) async {
        guard let application, let token = replies.token(for: workflowId, at: clock.date) else { return }
        do {
            _ = try await discord.editOriginalResponse(application: application, token: token,
                                                       with: MessageEdit(content: Limits.content(content), allowedMentions: .nobody))
        } catch {
            logger.info("approval progress not shown in the moderator's reply", metadata: ["workflow": "\(workflowId)", "error": "\(error)"])
        }
    }

    /// Edits the moderators' "New request" post: its first line stays, the stage follows, and its
    /// Approve / Reject buttons go (the approval has started, or the request was decided). Once
    /// `decided`, the post says who decided what and when, and is settled: nothing edits it again.
    /// An edit pings nobody; a failed edit is logged and nothing else changes.
    private func showInRequestPost(_ content: String?, decided decision: RequestDecision? = nil, workflowId: Int) async {
        let strings = guildLanguage.language.strings
        do {
            for post in try await postedMessages.unsettled(workflowId: workflowId, purpose: .request) {
                guard let channel = ChannelID(post.channelId), let message = MessageID(post.messageId) else { continue }
                let lines = [post.headline, content, decision.map { strings.requestDecision($0, at: clock.date) }].compactMap(\.self)
                _ = try await discord.editMessage(in: channel, id: message, MessageEdit(
                    content: Limits.content(lines.joined(separator: "\n")), components: [], allowedMentions: .nobody))
                if decision != nil { try await postedMessages.settle(post) }
            }
        } catch {
            logger.info("the request's post was not updated", metadata: ["workflow": "\(workflowId)", "error": "\(error)"])
        }
    }

    /// Takes the extend button off the loan's reminders, so an old reminder cannot be mistaken
    /// for one that still applies. Best effort, like the request's post.
    private func settleReminders(of workflowId: Int) async {
        do {
            for reminder in try await postedMessages.unsettled(workflowId: workflowId, purpose: .reminder) {
                guard let channel = ChannelID(reminder.channelId), let message = MessageID(reminder.messageId) else { continue }
                _ = try await discord.editMessage(in: channel, id: message, MessageEdit(components: [], allowedMentions: .nobody))
                try await postedMessages.settle(reminder)
            }
        } catch {
            logger.info("a reminder's button was not removed", metadata: ["workflow": "\(workflowId)", "error": "\(error)"])
        }
    }

    /// Records a message the bot will edit later. A message that was sent but not recorded keeps
    /// its buttons, which check the loan's state when pressed; that is logged, not retried.
    ///
    /// A request decided while its post was on its way gets its buttons taken off here, with the
    /// status it has now. The post is left unsettled: when the decision's own notice comes after
    /// (it waits for this one), it still says who decided and when.
    private func record(_ sent: Message, purpose: PostedMessage.Purpose, workflowId: Int, headline: String) async {
        do {
            let posted = PostedMessage(workflowId: workflowId, purpose: purpose, channelId: sent.channelID.description,
                                       messageId: sent.id.description, headline: headline)
            guard purpose == .request else {
                try await postedMessages.record(posted)
                return
            }
            guard let status = try await postedMessages.recordRequestPost(posted), status != .pending else { return }
            let strings = guildLanguage.language.strings
            _ = try await discord.editMessage(in: sent.channelID, id: sent.id, MessageEdit(
                content: Limits.content(headline + "\n" + strings.requestDecidedBeforePost(status)), components: [], allowedMentions: .nobody))
        } catch {
            logger.warning("a posted message was not recorded; it keeps its buttons", metadata: ["workflow": "\(workflowId)", "error": "\(error)"])
        }
    }

    private func send(_ notice: NoticeMessage, deduplicationKey: String) async throws -> Message {
        var message = notice.message
        let subject: String
        let destination: String
        switch notice.destination {
        case .directMessage(let user):
            subject = "<@\(user)>"
            destination = "dm:\(user)"
        case .notifyChannel(let channel):
            subject = "the notify channel"
            destination = "channel:\(channel)"
        }
        message.nonce = MessageNonce.make(deduplicationKey: deduplicationKey, destination: destination)
        message.enforceNonce = true
        do throws(DiscordError) {
            switch notice.destination {
            case .directMessage(let user): return try await discord.sendDirectMessage(to: user, message)
            case .notifyChannel(let channel): return try await discord.createMessage(in: channel, message)
            }
        } catch {
            throw PortFailure(discord: error, sending: subject)
        }
    }
}
