public import Clocks
public import Postgres

/// Which message is the live board of a channel, kept in the database so that a restart (or a
/// second instance) edits the same message instead of posting another. Discord's ids are stored
/// as text; the domain never reads them.
public struct BoardMessages: Sendable {
    private let pool: PostgresPool
    private let clock: BotClock

    public init(pool: PostgresPool, clock: BotClock = .system) {
        self.pool = pool
        self.clock = clock
    }

    /// The board's message in the channel, nil before the first post.
    public func messageId(in channelId: String) async throws -> String? {
        try await BoardTable.messageId(channelId: channelId, on: pool)
    }

    /// Records the channel's board message: the first post, or the one that replaced a deleted board.
    public func record(messageId: String, in channelId: String) async throws {
        try await BoardTable.store(channelId: channelId, messageId: messageId, at: clock.date, on: pool)
    }
}
