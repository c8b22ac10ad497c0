import Logging

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
}
