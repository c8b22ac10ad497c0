import Clocks
import Foundation
import Postgres

/// Per-member limits: open requests, and panel password resets (which are also audited).
///
/// Each check counts and writes in one transaction that first takes an advisory lock on the
/// member's id, so two filings or two resets at once by one member are counted one after the
/// other and cannot both slip under the limit.
extension WorkflowService {
    /// The statement that counts `applicant`'s PENDING and ACTIVE requests, for `refuseBeyondOpenLimit`.
    static func openRequests(of applicant: String) -> Query {
        """
        SELECT count(*)::int AS "open" FROM "Workflow" WHERE "applicantDiscordId" = \(applicant) AND "status" IN ('PENDING', 'ACTIVE')
        """
    }

    /// Refuses a filing when the applicant already has `policy.maxOpenRequests` PENDING or ACTIVE
    /// requests: `open` is `openRequests(of:)`'s result, counted under `memberLock(_:)`.
    func refuseBeyondOpenLimit(_ open: QueryResult) throws {
        let count: Int = try open.first?.decode("open") ?? 0
        guard count < policy.maxOpenRequests else { throw LendingError.tooManyOpenRequests(limit: policy.maxOpenRequests) }
    }

    /// The member's advisory lock, held until the transaction ends.
    static func memberLock(_ discordId: String) -> Query {
        "SELECT pg_advisory_xact_lock(\(memberLockSpace), hashtext(\(discordId)))"
    }

    /// Records that `discordId` asked for a new panel password, or refuses when they already
    /// asked `policy.passwordResetLimit` times in the last `policy.passwordResetWindow`. The row
    /// is the audit trail and is written before the panel is called, so a failed reset counts too.
    public func recordPasswordReset(by discordId: String) async throws {
        let now = clock.date
        let since = now.addingTimeInterval(-policy.passwordResetWindow)
        try await pool.withTransaction { transaction in
            try await transaction.query(Self.memberLock(discordId), named: "lock member")
            let recent = try await PasswordResetTable.list(discordId: discordId, since: since, on: transaction)
            if recent.count >= policy.passwordResetLimit, let oldest = recent.first {
                throw LendingError.tooManyPasswordResets(limit: policy.passwordResetLimit,
                                                         retryAt: oldest.addingTimeInterval(policy.passwordResetWindow))
            }
            try await PasswordResetTable.insert(discordId: discordId, at: now, on: transaction)
        }
    }

    /// First key of the per-member advisory locks ("LM" in ASCII), apart from the usernames'.
    static let memberLockSpace: Int32 = 0x4C4D
}
