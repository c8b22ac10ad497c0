public import Clocks
public import Discord
public import Foundation
public import Lending
public import Logging
import Synchronization

/// Keeps the live board (one message in BOARD_CHANNEL_ID) current.
///
/// Whatever may have changed the lending state says so with `changed()`, which never waits: the
/// interaction router after each interaction, the task runner and the scheduler through their
/// observer, and the bot once at start-up. The first change schedules one refresh `interval` later
/// on `waitClock`; changes meanwhile fold into it, and a change during a refresh schedules exactly
/// one more, again `interval` later, so a burst of transitions costs one edit per interval at
/// most, well inside Discord's rate limits. A refresh whose message would be the same as the last
/// one sent sends nothing.
///
/// The message's id is stored (`BoardMessages`), so a restart edits the same message. An edit
/// answered 404 Unknown Message (10008: someone deleted the board) posts a new one and stores its
/// id; when two instances find the board deleted at once, only the first posts and the other edits
/// its message (`BoardMessages.replace`). A failed refresh is logged and tried again on the next change; nothing waits for it.
public final class BoardRefresher: Sendable {
    public static let defaultInterval: Duration = .seconds(3)

    private struct State {
        /// A refresh is scheduled or running.
        var scheduled = false
        /// A change arrived after the scheduled refresh read the state: one more is needed.
        var changedAgain = false
        /// The message last sent and where, so that an unchanged board sends nothing.
        var lastShown: (messageId: String, message: MessageCreate)?
        var task: Task<Void, Never>?
        var stopped = false
    }

    private let discord: DiscordClient
    private let channel: ChannelID?
    private let messages: BoardMessages
    private let queries: LendingQueries
    private let timeZone: TimeZone
    private let guildLanguage: GuildLanguage
    private let clock: BotClock
    private let waitClock: any Clock<Duration>
    private let interval: Duration
    private let logger: Logger
    private let state = Mutex(State())

    /// - Parameter channel: BOARD_CHANNEL_ID; nil keeps no board and makes `changed()` do nothing.
    public init(discord: DiscordClient, channel: ChannelID?, messages: BoardMessages, queries: LendingQueries, timeZone: TimeZone,
                guildLanguage: GuildLanguage, clock: BotClock, waitClock: any Clock<Duration> = ContinuousClock(),
                interval: Duration = BoardRefresher.defaultInterval, logger: Logger) {
        self.discord = discord
        self.channel = channel
        self.messages = messages
        self.queries = queries
        self.timeZone = timeZone
        self.guildLanguage = guildLanguage
        self.clock = clock
        self.waitClock = waitClock
        self.interval = interval
        self.logger = logger
    }

    /// Something may have changed: schedules a refresh unless one is already coming.
    public func changed() {
        guard channel != nil else { return }
        state.withLock { state in
            guard !state.stopped else { return }
            if state.scheduled {
                state.changedAgain = true
                return
            }
            state.scheduled = true
            // Made under the lock, so `stop()` always finds the task it must cancel.
            state.task = Task { await self.refreshWhileChanging() }
        }
    }

    /// No refresh is scheduled or running: the board shows the last change.
    public var isSettled: Bool {
        state.withLock { !$0.scheduled }
    }

    /// Ends the scheduled refresh, if any, and ignores later changes.
    public func stop() async {
        let task = state.withLock { state -> Task<Void, Never>? in
            state.stopped = true
            return state.task
        }
        task?.cancel()
        await task?.value
    }

    private func refreshWhileChanging() async {
        while true {
            do {
                try await waitClock.sleep(for: interval)
            } catch {
                state.withLock { $0.scheduled = false }
                return
            }
            state.withLock { $0.changedAgain = false }
            await refresh()
            let done = state.withLock { state -> Bool in
                if state.changedAgain, !state.stopped { return false }
                state.scheduled = false
                return true
            }
            if done { return }
        }
    }

    /// Reads the state and brings the board message up to date now; failures are logged.
    public func refresh() async {
        guard let channel else { return }
        do {
            let facts = try await BoardFacts.read(queries)
            let message = BoardMessage.render(facts, today: CalendarDate(containing: clock.date, in: timeZone), zone: timeZone,
                                              strings: guildLanguage.language.strings)
            let stored = try await messages.messageId(in: channel.description)
            if let stored, let shown = state.withLock({ $0.lastShown }), shown.messageId == stored, shown.message == message { return }
            if let stored, let id = MessageID(stored), try await edit(id, in: channel, to: message) {
                state.withLock { $0.lastShown = (stored, message) }
                return
            }
            let discord = self.discord
            switch try await messages.replace(stored, in: channel.description, post: {
                try await discord.createMessage(in: channel, message).id.description
            }) {
            case .posted(let messageId):
                state.withLock { $0.lastShown = (messageId, message) }
            case .postedElsewhere(let messageId):
                // Another instance posted the board first: that message is the board now.
                if let id = MessageID(messageId), try await edit(id, in: channel, to: message) {
                    state.withLock { $0.lastShown = (messageId, message) }
                }
            }
        } catch {
            logger.warning("live board not refreshed; the next change tries again", metadata: ["error": "\(error)"])
        }
    }

    /// Edits the board; false when Discord says the message is gone (10008), so a new one is posted.
    private func edit(_ id: MessageID, in channel: ChannelID, to message: MessageCreate) async throws -> Bool {
        do {
            try await discord.editMessage(in: channel, id: id, MessageEdit(components: message.components,
                                                                            allowedMentions: message.allowedMentions, flags: message.flags))
            return true
        } catch where error.code == .unknownMessage {
            logger.info("live board message was deleted; posting it again")
            return false
        }
    }
}
