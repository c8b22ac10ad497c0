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

    /// What `replace` did: posted the board anew, or found that another instance already had.
    public enum Replacement: Sendable, Equatable {
        case posted(messageId: String)
        case postedElsewhere(messageId: String)
    }

    /// Posts a board in place of `stale` (nil: there was none; otherwise the message found deleted)
    /// and records it, unless another instance replaced `stale` first: then nothing is posted and
    /// that instance's message is returned, to be edited instead.
    ///
    /// Two instances seeing the same deleted board at once would otherwise both post one, and the
    /// loser's would stay in the channel with live buttons. The check, the post and the record run
    /// under one advisory lock on the channel, held only on this rare path.
    public func replace(_ stale: String?, in channelId: String,
                        post: @Sendable () async throws -> String) async throws -> Replacement {
        // One attempt: a retried transaction would post a second message.
        try await pool.withTransaction(maxAttempts: 1) { transaction in
            try await transaction.query("SELECT pg_advisory_xact_lock(\(Self.boardLockSpace), hashtext(\(channelId)))", named: "lock board")
            if let current = try await BoardTable.messageId(channelId: channelId, on: transaction), current != stale {
                return .postedElsewhere(messageId: current)
            }
            let posted = try await post()
            try await BoardTable.store(channelId: channelId, messageId: posted, at: clock.date, on: transaction)
            return .posted(messageId: posted)
        }
    }

    /// First key of the board's advisory locks ("LB" in ASCII), apart from the members' and usernames'.
    static let boardLockSpace: Int32 = 0x4C42
}
