public import Foundation
import Synchronization

/// Usernames a moderator has typed so far for an approval, kept here (never in a custom_id)
/// while the approval runs over several modals of at most five fields. A draft expires after
/// fifteen minutes, the life of the interaction that started it; a restart forgets it, and the
/// moderator starts the approval again.
public final class ApprovalDrafts: Sendable {
    public struct Draft: Sendable, Equatable {
        public var moderator: String
        public var serverAlias: String?
        /// Discord id → chosen username.
        public var usernames: [String: String]
        public var expires: Date
    }

    private let drafts = Mutex<[Int: Draft]>([:])
    public static let lifetime: TimeInterval = 15 * 60

    public init() {}

    /// The draft for a workflow if it belongs to `moderator` and has not expired.
    public func draft(for workflowId: Int, moderator: String, now: Date) -> Draft? {
        drafts.withLock { drafts in
            guard let draft = drafts[workflowId], draft.expires > now, draft.moderator == moderator else { return nil }
            return draft
        }
    }

    /// Adds `usernames` to the moderator's draft (starting a new one if needed) and returns it.
    @discardableResult
    public func merge(_ usernames: [String: String], for workflowId: Int, moderator: String, serverAlias: String?, now: Date) -> Draft {
        drafts.withLock { drafts in
            var draft = drafts[workflowId].flatMap { $0.expires > now && $0.moderator == moderator ? $0 : nil }
                ?? Draft(moderator: moderator, serverAlias: serverAlias, usernames: [:], expires: now.addingTimeInterval(Self.lifetime))
            draft.usernames.merge(usernames) { _, new in new }
            if let serverAlias { draft.serverAlias = serverAlias }
            drafts[workflowId] = draft
            drafts = drafts.filter { $0.value.expires > now }
            return draft
        }
    }

    public func discard(_ workflowId: Int) {
        _ = drafts.withLock { $0.removeValue(forKey: workflowId) }
    }
}
