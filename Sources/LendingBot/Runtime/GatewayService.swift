import Discord
import Logging
import ServiceLifecycle
import WebSocket

/// The gateway session and the interactions it delivers, as a `Service`: the last to start and
/// the first to stop, so that no interaction arrives once anything behind it is stopping.
///
/// On graceful shutdown the session closes with `closeCode` (4000 keeps it resumable, so Discord
/// keeps the session for a while rather than ending it) and waits up to `closeWait` for the close
/// handshake; interactions already being answered then get up to `grace` to finish. A session
/// that Discord ends for good throws `BotApplication.Failure`, which ends the group.
///
/// The session and every interaction prefer `executor`, the HTTP client's loop thread: an event
/// read from the gateway, its handler and the handler's Discord requests then run on one thread
/// (the database's statements still run on each session's own), where before each crossed
/// Swift's pool, a wake-up of a thread at every crossing.
struct GatewayService: Service, CustomStringConvertible {
    let session: GatewaySession
    let dispatcher: InteractionDispatcher
    let executor: (any TaskExecutor)?
    let closeCode: CloseCode
    let closeWait: Duration
    let grace: Duration
    let logger: Logger

    var description: String { "gateway" }

    func run() async throws {
        let failure = await withTaskExecutorPreference(executor) { await runUntilClosed() }
        if let failure {
            throw BotApplication.Failure("Discord closed the gateway for good: \(failure)")
        }
    }

    private func runUntilClosed() async -> GatewayError? {
        await withTaskGroup(of: Void.self, returning: GatewayError?.self) { front in
            front.addTask { [dispatcher, session] in await dispatcher.run(session.dispatches) }
            let failure = await runSession()
            // The gateway is closed: no new interaction arrives. Those in flight get some time.
            front.addTask { [grace] in try? await Task.sleep(for: grace) }
            await front.next()
            front.cancelAll()
            return failure
        }
    }

    private enum End: Sendable {
        case ended
        case failed(GatewayError)
        case shutdownRequested
        case closeTimedOut
    }

    /// Runs the session until graceful shutdown (or cancellation: then it closes too) or until it
    /// fails for good; returns the failure.
    private func runSession() async -> GatewayError? {
        await withTaskGroup(of: End.self, returning: GatewayError?.self) { group in
            defer { group.cancelAll() }
            group.addTask { [session] in
                do throws(GatewayError) {
                    try await session.run()
                    return .ended
                } catch {
                    return .failed(error)
                }
            }
            group.addTask {
                try? await gracefulShutdown()
                return .shutdownRequested
            }
            var end = await group.next() ?? .ended
            if case .shutdownRequested = end {
                logger.info("shutting down: closing the gateway, so no new interaction arrives", metadata: ["gateway.close_code": "\(closeCode)"])
                session.stop(closingWith: closeCode)
                group.addTask { [closeWait] in
                    try? await Task.sleep(for: closeWait)
                    return .closeTimedOut
                }
                end = await group.next() ?? .ended
            }
            if case .failed(let error) = end { return error }
            return nil
        }
    }
}
