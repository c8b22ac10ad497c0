import Logging
import Postgres

/// Steps more than one kind of task takes.
extension TaskContext {
    /// Sends a notice once per task. A permanent failure (a member who accepts no direct
    /// messages) is recorded and skipped; a transient one fails the attempt so it is retried.
    func notify(_ step: TaskStep, _ notice: LendingNotice, notifier: any LendingNotifier) async throws {
        try await self.step(step) {
            do {
                try await notifier.deliver(notice, deduplicationKey: "task-\(task.id)-\(step.name)")
                return [:]
            } catch let failure as PortFailure where failure.kind == .permanent {
                logger.warning("notice not delivered", metadata: ["step": "\(step.name)", "error": "\(failure.message)"])
                return ["undelivered": failure.message]
            }
        }
    }

    /// Removes the panel users' sub-user access to `server`, except the keep-list's.
    func revokeAccess(of discordIds: [String], on server: String, panel: any LendingPanel, policy: LendingPolicy) async throws {
        for discordId in discordIds {
            guard let account = try await PterodactylUserTable.find(discordId: discordId, on: pool) else { continue }
            if policy.keeps(account.email) { continue }
            try await step(.revoke(discordId: discordId)) {
                try await panel.removeSubuser(from: server, email: account.email)
                return ["email": account.email]
            }
        }
    }

    /// Gives a panel user access to `server`: their panel account (created, with its
    /// `"PterodactylUser"` row, only when they have none, under the username chosen for them in
    /// `usernames`), the panel-user role and sub-user access. An approval and a panel-user
    /// change grant it alike.
    func grantAccess(to discordId: String, usernames: [String: String], on server: String, panel: any LendingPanel,
                     community: any Community, policy: LendingPolicy) async throws {
        let email = try await account(for: discordId, usernames: usernames, panel: panel, policy: policy)
        try await step(.role(discordId: discordId)) {
            try await community.grantPanelUserRole(to: discordId)
            return [:]
        }
        try await step(.subuser(discordId: discordId)) {
            try await panel.ensureSubuser(on: server, email: email, permissions: policy.subuserPermissions)
            return ["email": email]
        }
    }

    /// The panel user's account email, creating the account and its row on first need.
    private func account(for discordId: String, usernames: [String: String], panel: any LendingPanel, policy: LendingPolicy) async throws -> String {
        if let existing = try await PterodactylUserTable.find(discordId: discordId, on: pool) { return existing.email }
        guard let username = usernames[discordId] else {
            throw PortFailure.permanent("no panel username was chosen for <@\(discordId)>")
        }
        let email = "\(username)@\(policy.panelEmailDomain)"
        let created = try await panel.ensureAccount(username: username, email: email, owner: discordId)
        do {
            try await databaseStep(.account(discordId: discordId)) { transaction in
                _ = try await PterodactylUserTable.insert(discordId: discordId, username: created.username, email: created.email,
                                                          at: now, on: transaction)
                return ["username": created.username, "created": String(created.created)]
            }
        } catch let error as PostgresError where error.sqlState == .uniqueViolation {
            throw PortFailure.permanent("the panel username \(username) is already recorded for another member")
        }
        return created.email
    }
}
