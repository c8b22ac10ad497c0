import Discord
import Foundation
import Lending

extension SlashCommand.Group {
    /// `/mcserver-admin workflow …`: the requests.
    static let workflow = SlashCommand.Group(name: "workflow", description: SlashCommand.Text("貸出申請", "Requests"))
}

/// What the `/mcserver-admin workflow …` commands read from their options.
enum WorkflowCommands {
    /// The integer option `name` (`id`) as a positive workflow id; a refusal naming the option otherwise.
    static func workflowID(_ name: String = "id", in command: ApplicationCommandData, strings: Strings) throws -> Int {
        guard let value = command.integer(name), value > 0, value <= Int64(Int32.max) else { throw Refusal(strings.optionMissing(name)) }
        return Int(value)
    }

    /// The string option `name`, trimmed; nil when absent or blank.
    static func text(_ name: String, in command: ApplicationCommandData) -> String? {
        guard let value = command.string(name)?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
        return value
    }
}

/// Click-time checks of a request against the database, made before a modal opens so that a
/// moderator is never asked to type into a form for a request someone else already decided.
/// The domain checks again in its own transaction; these only make the refusal come first.
enum WorkflowGate {
    /// The request if it is PENDING and no approval is under way. With `allowFailedApproval`, an
    /// approval that failed for good does not stand in the way (a rejection may undo it).
    @discardableResult
    static func requirePending(_ id: Int, services: BotServices, allowFailedApproval: Bool = false) async throws -> WorkflowRecord {
        guard let workflow = try await WorkflowTable.find(id: id, on: services.pool) else { throw LendingError.workflowNotFound(id: id) }
        guard workflow.status == .pending else {
            let actions: [AuditAction] = switch workflow.status {
            case .pending, .active: [.approve]
            case .rejected: [.reject, .withdraw]
            case .returned: [.return]
            }
            let entry = try await AuditTable.latest(workflowId: id, actions: actions, on: services.pool)
            throw LendingError.alreadyDecided(id: id, status: workflow.status, by: entry?.actor)
        }
        if let task = try await TaskTable.open(workflowId: id, on: services.pool), !(allowFailedApproval && task.state == .failed) {
            throw LendingError.approvalInProgress(id: id, by: task.actor)
        }
        return workflow
    }
}
