public import Foundation
public import Secrets
import Synchronization

/// The moderator's reply to each approval in progress, so the approval's progress can be shown
/// in it as the server is prepared.
///
/// Kept in memory only: an interaction token lets the bot edit its reply for 15 minutes, and it is
/// a credential for that reply, so it is never written to the database. After a restart, or past
/// the token's life, progress is not shown there; the moderators' channel still hears of the
/// result.
public final class ApprovalReplies: Sendable {
    /// A little under Discord's 15 minutes, so an edit never races the token's end.
    static let lifetime: TimeInterval = 14 * 60

    private let replies = Mutex<[Int: (token: Secret, since: Date)]>([:])

    public init() {}

    /// Remembers the reply of the moderator who started the approval of `workflowId`.
    public func remember(workflowId: Int, token: Secret, at now: Date) {
        replies.withLock { replies in
            replies = replies.filter { now.timeIntervalSince($0.value.since) < Self.lifetime }
            replies[workflowId] = (token, now)
        }
    }

    /// The token of the reply to edit, while it is still valid.
    func token(for workflowId: Int, at now: Date) -> Secret? {
        replies.withLock { replies in
            guard let reply = replies[workflowId], now.timeIntervalSince(reply.since) < Self.lifetime else { return nil }
            return reply.token
        }
    }

    /// The approval is over: its reply is not edited again.
    func forget(workflowId: Int) {
        _ = replies.withLock { $0.removeValue(forKey: workflowId) }
    }
}
