import Foundation
import Postgres

/// The panel work of an approval, then PENDING → ACTIVE and the notices.
///
/// Steps, each recorded: for every panel user an account (created only when the user has no
/// PterodactylUser row; the row is written with the step), the panel-user role, and sub-user
/// access; the server's description; the activation (status, start and end dates, audit, in one
/// transaction); a notice to the organizer and to each panel user.
public struct ApprovalTask: TaskHandler {
    let panel: any LendingPanel
    let community: any Community
    let notifier: any LendingNotifier
    let policy: LendingPolicy

    public init(panel: any LendingPanel, community: any Community, notifier: any LendingNotifier, policy: LendingPolicy) {
        self.panel = panel
        self.community = community
        self.notifier = notifier
        self.policy = policy
    }

    public func run(_ context: TaskContext) async throws {
        let task = context.task
        let server = task.pteroServerId
        guard let workflow = try await WorkflowTable.find(id: task.workflowId, on: context.pool) else {
            throw PortFailure.permanent("request #\(task.workflowId) no longer exists")
        }
        guard let approvedAt = task.input["approvedAt"].flatMap(Timestamp.parse) else {
            throw PortFailure.permanent("the approval task has no approval time")
        }
        let panelUsers = try await WorkflowPanelUserTable.list(workflowId: workflow.id, on: context.pool).map(\.discordId)
        for discordId in panelUsers {
            let email = try await account(for: discordId, context: context)
            try await context.step("role:\(discordId)") {
                try await community.grantPanelUserRole(to: discordId)
                return [:]
            }
            try await context.step("subuser:\(discordId)") {
                try await panel.ensureSubuser(on: server, email: email, permissions: policy.subuserPermissions)
                return ["email": email]
            }
        }
        try await context.step("description") {
            let organizer = try await community.displayName(of: workflow.organizerDiscordId) ?? workflow.organizerDiscordId
            let text = ServerDescription.make(organizer: organizer, purpose: workflow.description)
            try await panel.setDescription(of: server, to: text)
            return ["description": text]
        }
        try await context.databaseStep("activate") { transaction in
            guard var current = try await WorkflowTable.lock(id: workflow.id, on: transaction), current.status == .pending,
                  current.pteroServerId == server else {
                throw PortFailure.permanent("request #\(workflow.id) is no longer waiting for this approval")
            }
            current.status = .active
            current.startDate = approvedAt
            current.endDate = approvedAt.addingTimeInterval(Double(current.periodDays) * 86_400)
            _ = try await WorkflowTable.update(current, expectedStatus: .pending, at: context.now, on: transaction)
            try await AuditTable.record(workflowId: workflow.id, actor: task.actor, action: .approve, from: .pending, to: .active,
                                        detail: ["server": task.input["serverAlias"] ?? server, "task": String(task.id),
                                                 "endDate": current.endDate.map(Timestamp.format) ?? ""],
                                        at: context.now, on: transaction)
            return [:]
        }
        guard let active = try await WorkflowTable.find(id: workflow.id, on: context.pool) else { return }
        let address = try await panel.connectionAddress(of: server)
        let summary = try await LoanSummary.load(active, address: address, on: context.pool)
        try await context.notify("notify:organizer", .loanApproved(summary, organizer: active.organizerDiscordId), notifier: notifier)
        for discordId in panelUsers {
            guard let account = try await PterodactylUserTable.find(discordId: discordId, on: context.pool) else { continue }
            try await context.notify("notify:panel:\(discordId)", .panelAccessGranted(summary, panelUser: discordId, username: account.username),
                                     notifier: notifier)
        }
    }

    /// The panel user's account email, creating the account and its row on first need.
    private func account(for discordId: String, context: TaskContext) async throws -> String {
        if let existing = try await PterodactylUserTable.find(discordId: discordId, on: context.pool) { return existing.email }
        guard let username = context.task.input["username:\(discordId)"] else {
            throw PortFailure.permanent("no panel username was chosen for <@\(discordId)>")
        }
        let email = "\(username)@\(policy.panelEmailDomain)"
        let created = try await panel.ensureAccount(username: username, email: email, owner: discordId)
        do {
            try await context.databaseStep("account:\(discordId)") { transaction in
                _ = try await PterodactylUserTable.insert(discordId: discordId, username: created.username, email: created.email,
                                                          at: context.now, on: transaction)
                return ["username": created.username, "created": String(created.created)]
            }
        } catch let error as PostgresError where error.sqlState == .uniqueViolation {
            throw PortFailure.permanent("the panel username \(username) is already recorded for another member")
        }
        return created.email
    }
}

/// The panel description of a lent server: who organizes it and what for, within the panel's
/// length limit.
enum ServerDescription {
    static let maxLength = 191

    static func make(organizer: String, purpose: String) -> String {
        String("\(organizer) \(purpose)".prefix(maxLength))
    }
}
