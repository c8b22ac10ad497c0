public import Clocks
public import Foundation
public import Postgres

/// A message the bot posted about a request or a loan and edits as the workflow moves on.
public struct PostedMessage: Sendable, Equatable {
    public enum Purpose: String, Sendable {
        /// The moderators' "New request" post: edited through the approval, and to say who decided
        /// what and when; its Approve / Reject buttons go with the decision.
        case request
        /// A reminder to the organizer or the moderators: its extend button goes once the loan is
        /// extended or returned.
        case reminder
    }

    public var workflowId: Int
    public var purpose: Purpose
    /// Discord's ids, as text: the domain stores them and never reads them.
    public var channelId: String
    public var messageId: String
    /// The post's first line, which every edit keeps.
    public var headline: String

    public init(workflowId: Int, purpose: Purpose, channelId: String, messageId: String, headline: String) {
        self.workflowId = workflowId
        self.purpose = purpose
        self.channelId = channelId
        self.messageId = messageId
        self.headline = headline
    }
}

/// The posted messages of each workflow that may still change, kept in the database so that a
/// restart does not leave a decided request's post with live buttons, nor a reminder of a loan
/// already extended.
public struct PostedMessages: Sendable {
    private let pool: PostgresPool
    private let clock: BotClock

    public init(pool: PostgresPool, clock: BotClock = .system) {
        self.pool = pool
        self.clock = clock
    }

    public func record(_ message: PostedMessage) async throws {
        try await PostedMessageTable.insert(message, at: clock.date, on: pool)
    }

    /// Records a request's post, and returns the status its request has now: a request decided
    /// while its post was on its way (the decision found no post to edit) is no longer PENDING.
    public func recordRequestPost(_ message: PostedMessage) async throws -> WorkflowStatus? {
        try await record(message)
        return try await WorkflowTable.find(id: message.workflowId, on: pool)?.status
    }

    /// The messages of this purpose about the workflow that are not settled yet, oldest first.
    public func unsettled(workflowId: Int, purpose: PostedMessage.Purpose) async throws -> [PostedMessage] {
        try await PostedMessageTable.unsettled(workflowId: workflowId, purpose: purpose, on: pool)
    }

    /// Marks the message as in its last state: nothing edits it again.
    public func settle(_ message: PostedMessage) async throws {
        try await PostedMessageTable.settle(channelId: message.channelId, messageId: message.messageId, at: clock.date, on: pool)
    }
}
