import Discord
import Lending

/// The retry button under a failed task's notice: `task.retry:<taskId>`, moderators only. The
/// domain requeues the task only if it is still FAILED, so a second click is told so.
struct TaskRetryButton: ComponentHandler {
    let moderatorsOnly = true

    func run(_ context: InteractionContext, _ route: ComponentRoute, _ data: MessageComponentData) async throws {
        guard case .retryTask(let taskId) = route else { throw Refusal(context.strings.unknownAction) }
        let task = try await context.services.workflow.retry(taskId: taskId, by: context.invokerID)
        try await context.replyEphemeral(context.strings.taskRequeued(task.id, workflow: task.workflowId, by: context.invokerID))
    }
}
