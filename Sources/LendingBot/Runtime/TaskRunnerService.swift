import Lending
import Logging
import ServiceLifecycle

/// The task runner as a `Service`. On graceful shutdown it claims no new task and gets `grace` to
/// finish the one it runs; past that it is cancelled, and the task keeps its claim: the next
/// runner resumes it from its first unfinished step once the lease has lapsed.
struct TaskRunnerService: Service, CustomStringConvertible {
    let runner: TaskRunner
    let grace: Duration
    let logger: Logger

    var description: String { "task runner" }

    func run() async throws {
        await withTaskGroup(of: Bool.self) { group in
            group.addTask { [runner] in
                await runner.run()
                return true
            }
            // Returns on graceful shutdown, or throws when the group is cancelled (the runner is
            // then cancelled with it).
            try? await gracefulShutdown()
            logger.info("stopping the task runner: no new task is claimed, the current one may finish")
            runner.finishCurrentTask()
            group.addTask { [grace] in
                try? await Task.sleep(for: grace)
                return false
            }
            if await group.next() == false, !Task.isCancelled {
                logger.info("the task runner's current task did not finish within the grace; it keeps its claim and resumes after its lease")
            }
            group.cancelAll()
        }
    }
}
