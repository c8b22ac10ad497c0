import Lending
import Logging
import ServiceLifecycle

/// The scheduler as a `Service`: it looks every `interval` until graceful shutdown, which cancels
/// it at once (a tick cut off is simply done again by the next start).
struct SchedulerService: Service, CustomStringConvertible {
    let scheduler: Scheduler
    let interval: Duration
    let logger: Logger

    var description: String { "scheduler" }

    func run() async throws {
        await cancelWhenGracefulShutdown { [scheduler, interval] in
            await scheduler.run(every: interval)
        }
        logger.info("scheduler stopped")
    }
}
