import Clocks
import Foundation
import Postgres

/// A moderator's direct loan (`/mcserver-admin checkout create`): a loan without a member's
/// request. It is stored as a request the moderator filed (`direct-loan` on its history, so the
/// trail says nobody asked for it) and approved by the same moderator at once, through the
/// approval's own steps (`approve`): version, install, start, accounts, access.
///
/// The approval's refusals that need no panel (an unknown version, a named server that is not
/// free, no free server at all) are checked before anything is stored, so such a loan leaves no
/// row. Only what the approval learns from the panel (a server whose egg cannot run the version)
/// or a race with another approval can come after: the request then stays PENDING, for a
/// moderator to approve onto another server or reject, like any request.
extension WorkflowService {
    public func fileDirectLoan(_ request: NewWorkflow, panelUsers: [String], serverAlias: String?) async throws -> WorkflowRecord {
        try RequestRules.check(request, panelUsers: panelUsers, policy: policy)
        try await RequestRules.checkExists(request.mcVersion, in: versions)
        if let serverAlias {
            try await requireServerFree(serverAlias)
        } else if try await ServerAllocator.freeCandidates(on: pool).isEmpty {
            throw LendingError.noFreeServer
        }
        let now = clock.date
        return try await pool.withTransaction { transaction in
            let workflow = try await WorkflowTable.insert(request, at: now, on: transaction)
            try await WorkflowPanelUserTable.insert(workflowId: workflow.id, discordIds: panelUsers, on: transaction)
            var detail = ["panelUsers": panelUsers.joined(separator: ","), "organizer": request.organizerDiscordId]
            if let serverAlias { detail["server"] = serverAlias }
            try await AuditTable.record(workflowId: workflow.id, actor: request.applicantDiscordId, action: .directLoan, from: nil, to: .pending,
                                        detail: detail, at: now, on: transaction)
            return workflow
        }
    }
}
