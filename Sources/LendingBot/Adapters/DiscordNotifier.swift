public import Discord
public import Lending
public import Logging

/// `LendingNotifier` on Discord: direct messages to the people a notice is about and posts in the
/// moderators' notify channel, in the guild's language (`GuildLanguage`).
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
    let logger: Logger

    public init(discord: DiscordClient, configuration: BotConfiguration, guildLanguage: GuildLanguage, logger: Logger) {
        self.discord = discord
        self.notifyChannel = configuration.notifyChannelID.flatMap(ChannelID.init)
        self.moderatorRoles = configuration.adminRoleIDs.compactMap(RoleID.init)
        self.guildLanguage = guildLanguage
        self.logger = logger
    }

    public func deliver(_ notice: LendingNotice, deduplicationKey: String) async throws {
        let rendering = NoticeMessages(strings: Strings(guildLanguage.language), notifyChannel: notifyChannel, moderatorRoles: moderatorRoles)
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
