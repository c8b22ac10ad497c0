import Clocks
import Foundation
import Postgres

/// A moderator's correction of a request or loan (`/mcserver-admin workflow edit`).
extension WorkflowService {
    /// Changes the purpose, the Minecraft version and, while the request is PENDING, the period
    /// and the server type. A nil argument keeps the stored value; a call that changes nothing
    /// writes nothing.
    ///
    /// An ACTIVE loan keeps its start and end dates whatever is edited: its end date may carry
    /// an extension, and an edit must never undo one. Its period is
    /// refused rather than ignored, so a moderator is told to extend instead. REJECTED and
    /// RETURNED requests are final and refused, as is a loan whose return is under way (the
    /// return task names the archive after the purpose).
    ///
    /// A new type must be one the pool has (`ServerTypeRefusal.noServerOfType` names those it
    /// has); it is refused for an ACTIVE loan, whose server is already of a type, and while an
    /// approval is queued or running, since that approval has reserved a server of the old type.
    ///
    /// The new values follow the rules of filing; a period a moderator's extension set beyond
    /// `CHECKOUT_MAX_PERIOD_DAYS` is only judged again when the edit changes it.
    public func edit(_ id: Int, by moderator: String, description: String? = nil, mcVersion: String? = nil,
                     periodDays: Int? = nil, serverType: String? = nil) async throws -> WorkflowRecord {
        let now = clock.date
        var newType: String?
        if let serverType {
            guard let parsed = ServerType.parse(serverType) else { throw ServerTypeRefusal.invalidType(serverType) }
            newType = parsed
        }
        let description = description?.trimmingCharacters(in: .whitespacesAndNewlines)
        let mcVersion = mcVersion?.trimmingCharacters(in: .whitespaces)
        // Asked before the row is locked (the catalog may read the network); judged only when
        // the version changes, so a loan filed before a release was withdrawn stays editable.
        var unknownVersion: (any Error)?
        if let mcVersion, MinecraftVersion.isValid(mcVersion) {
            do { try await RequestRules.checkExists(mcVersion, in: versions) } catch let error as LendingError { unknownVersion = error }
        }
        return try await pool.withTransaction { transaction in
            guard let workflow = try await WorkflowTable.lock(id: id, on: transaction) else { throw LendingError.workflowNotFound(id: id) }
            var changed = workflow
            if let description { changed.description = description }
            if let mcVersion { changed.mcVersion = mcVersion }
            switch workflow.status {
            case .pending:
                if let periodDays { changed.periodDays = periodDays }
            case .active:
                if let periodDays, periodDays != workflow.periodDays {
                    throw LendingError.invalidRequest(field: "periodDays", rule: "cannot change while the server is lent: extend the loan instead")
                }
                if let task = try await TaskTable.open(workflowId: id, on: transaction), task.kind == .returnLoan {
                    throw LendingError.returnInProgress(id: id, by: task.actor)
                }
            case .rejected, .returned:
                throw LendingError.notAllowed(id: id, status: workflow.status, action: "edited")
            }
            if let newType, newType != workflow.serverType {
                try await checkTypeChange(workflow, to: newType, on: transaction)
                changed.serverType = newType
            }
            try checkEdit(changed, periodChanged: changed.periodDays != workflow.periodDays)
            if let unknownVersion, changed.mcVersion != workflow.mcVersion { throw unknownVersion }

            var detail: [String: String] = [:]
            if changed.description != workflow.description { detail["description"] = "\(workflow.description)→\(changed.description)" }
            if changed.mcVersion != workflow.mcVersion { detail["mcVersion"] = "\(workflow.mcVersion)→\(changed.mcVersion)" }
            if changed.periodDays != workflow.periodDays { detail["periodDays"] = "\(workflow.periodDays)→\(changed.periodDays)" }
            if changed.serverType != workflow.serverType {
                detail["serverType"] = "\(workflow.serverType ?? "any")→\(changed.serverType ?? "any")"
            }
            guard !detail.isEmpty else { return workflow }
            guard let stored = try await WorkflowTable.update(changed, expectedStatus: workflow.status, at: now, on: transaction) else {
                throw LendingError.workflowNotFound(id: id)
            }
            try await AuditTable.record(workflowId: id, actor: moderator, action: .edit, from: workflow.status, to: workflow.status,
                                        detail: detail, at: now, on: transaction)
            return stored
        }
    }

    /// Refuses a change of `workflow`'s type to `type` (another than its own) unless it is a
    /// PENDING request with no approval under way and the pool has a server of that type.
    private func checkTypeChange(_ workflow: WorkflowRecord, to type: String, on transaction: Transaction) async throws {
        guard workflow.status == .pending else { throw ServerTypeRefusal.typeFixedWhileLent(id: workflow.id) }
        if let task = try await TaskTable.open(workflowId: workflow.id, on: transaction) {
            throw LendingError.approvalInProgress(id: workflow.id, by: task.actor)
        }
        let available = try await ServerBindingTable.types(on: transaction)
        guard available.contains(type) else { throw ServerTypeRefusal.noServerOfType(requested: type, available: available) }
    }

    /// Filing's rules on the edited row. The panel users and people are not edited here, so the
    /// organizer stands in for the panel-user list; an unchanged period is given a value the
    /// rules always accept, so only a changed one is judged.
    private func checkEdit(_ workflow: WorkflowRecord, periodChanged: Bool) throws(LendingError) {
        let probe = NewWorkflow(applicantDiscordId: workflow.applicantDiscordId, description: workflow.description,
                                mcVersion: workflow.mcVersion, periodDays: periodChanged ? workflow.periodDays : 1,
                                organizerDiscordId: workflow.organizerDiscordId)
        try RequestRules.check(probe, panelUsers: [workflow.organizerDiscordId], policy: policy)
    }
}
