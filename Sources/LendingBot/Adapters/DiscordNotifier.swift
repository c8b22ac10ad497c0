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
    /// And the moderators' "New request" post.
    let requestPosts: RequestPosts
    let application: ApplicationID?
    let clock: BotClock
    let logger: Logger

    public init(discord: DiscordClient, configuration: BotConfiguration, guildLanguage: GuildLanguage, replies: ApprovalReplies = ApprovalReplies(),
                requestPosts: RequestPosts = RequestPosts(), application: ApplicationID? = nil, memberLocales: MemberLocales? = nil,
                clock: BotClock = .system, logger: Logger) {
        self.memberLocales = memberLocales
        self.discord = discord
        self.replies = replies
        self.requestPosts = requestPosts
        self.application = application
        self.clock = clock
        self.notifyChannel = configuration.notifyChannelID.flatMap(ChannelID.init)
        self.moderatorRoles = configuration.adminRoleIDs.compactMap(RoleID.init)
        self.guildLanguage = guildLanguage
        self.logger = logger
    }

    public func deliver(_ notice: LendingNotice, deduplicationKey: String) async throws {
        let strings = Strings(guildLanguage.language)
        switch notice {
        case .approvalProgress(let progress):
            let text = strings.approvalProgress(progress)
            await showInReply(text, workflowId: progress.workflowId)
            await showInRequestPost(text, workflowId: progress.workflowId)
            if case .ready = progress.stage {
                replies.forget(workflowId: progress.workflowId)
                requestPosts.forget(workflowId: progress.workflowId)
            }
            return
        case .taskFailed(let failure) where failure.kind == .approve:
            await showInReply(strings.taskFailed(failure), workflowId: failure.workflowId)
            await showInRequestPost(strings.taskFailed(failure), workflowId: failure.workflowId)
        case .requestWithdrawn(let loan, let member):
            // Nothing is left to decide: the request's post loses its Approve / Reject buttons.
            await showInRequestPost(strings.requestWithdrawn(loan, by: member), workflowId: loan.workflowId)
            requestPosts.forget(workflowId: loan.workflowId)
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
                try await send(notice, deduplicationKey: deduplicationKey)
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

    /// Edits the moderators' "New request" post: its first line stays, the stage follows, and
    /// its Approve / Reject buttons go (the approval has started, or the request was withdrawn). An edit pings nobody, and a
    /// failed edit is logged and nothing else changes.
    private func showInRequestPost(_ content: String, workflowId: Int) async {
        guard let post = requestPosts.post(for: workflowId) else { return }
        do {
            _ = try await discord.editMessage(in: post.channel, id: post.message, MessageEdit(
                content: Limits.content(post.headline + "\n" + content), components: [], allowedMentions: .nobody))
        } catch {
            logger.info("approval progress not shown in the request's post", metadata: ["workflow": "\(workflowId)", "error": "\(error)"])
        }
    }

    private func send(_ notice: NoticeMessage, deduplicationKey: String) async throws {
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
            case .directMessage(let user): try await discord.sendDirectMessage(to: user, message)
            case .notifyChannel(let channel): try await discord.createMessage(in: channel, message)
            }
        } catch {
            throw PortFailure(discord: error, sending: subject)
        }
    }
}
