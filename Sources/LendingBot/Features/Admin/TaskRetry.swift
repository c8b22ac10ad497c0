import Discord
import Lending

/// The retry button under a failed task's notice: `task.retry:<taskId>`, moderators only. The
/// domain requeues the task only if it is still FAILED, so a second click is told so.
struct TaskRetryButton: ComponentHandler {
    static let action = "task.retry"
    let moderatorsOnly = true

    func run(_ context: InteractionContext, _ id: CustomID, _ data: MessageComponentData) async throws {
        guard let taskId = id.id() else { throw Refusal(context.strings.unknownAction) }
        let task = try await context.services.workflow.retry(taskId: taskId, by: context.invokerID)
        try await context.replyEphemeral(context.strings.taskRequeued(task.id, workflow: task.workflowId, by: context.invokerID))
    }
}
