import Clocks
import Foundation
import Postgres

/// Per-member limits: open requests, and panel password resets (which are also audited).
///
/// Each check counts and writes in one transaction that first takes an advisory lock on the
/// member's id, so two filings or two resets at once by one member are counted one after the
/// other and cannot both slip under the limit.
extension WorkflowService {
    /// Refuses a filing when the applicant already has `policy.maxOpenRequests` PENDING or ACTIVE
    /// requests.
    func refuseBeyondOpenLimit(_ applicant: String, on transaction: Transaction) async throws {
        // The lock's result is nothing to read: it travels with the count, which waits for it.
        transaction.queue("SELECT pg_advisory_xact_lock(\(Self.memberLockSpace), hashtext(\(applicant)))", named: "lock member")
        let open = try await transaction.query("""
            SELECT count(*)::int AS "open" FROM "Workflow" WHERE "applicantDiscordId" = \(applicant) AND "status" IN ('PENDING', 'ACTIVE')
            """, named: "count open requests of member")
        let count: Int = try open.first?.decode("open") ?? 0
        guard count < policy.maxOpenRequests else { throw LendingError.tooManyOpenRequests(limit: policy.maxOpenRequests) }
    }

    /// Records that `discordId` asked for a new panel password, or refuses when they already
    /// asked `policy.passwordResetLimit` times in the last `policy.passwordResetWindow`. The row
    /// is the audit trail and is written before the panel is called, so a failed reset counts too.
    public func recordPasswordReset(by discordId: String) async throws {
        let now = clock.date
        let since = now.addingTimeInterval(-policy.passwordResetWindow)
        try await pool.withTransaction { transaction in
            try await transaction.query("SELECT pg_advisory_xact_lock(\(Self.memberLockSpace), hashtext(\(discordId)))", named: "lock member")
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
