public import Discord
import Foundation
public import Logging

/// Feeds INTERACTION_CREATE dispatches from the gateway to the router, each in a task of its own
/// so that a slow answer never holds up the next interaction. READY and RESUMED are logged (the
/// session itself reports them to the metrics); other dispatches are ignored here.
public struct InteractionDispatcher: Sendable {
    let router: InteractionRouter
    let logger: Logger

    public init(router: InteractionRouter, logger: Logger) {
        self.router = router
        self.logger = logger
    }

    /// Consumes `dispatches` until the stream ends or the task is cancelled; waits for the
    /// interactions already started before returning. A discarding group: an ordinary one keeps
    /// every finished child until it is awaited, which over a bot's lifetime is every interaction.
    public func run(_ dispatches: AsyncStream<GatewayDispatch>) async {
        await withDiscardingTaskGroup { group in
            for await dispatch in dispatches {
                switch dispatch.name {
                case "INTERACTION_CREATE": break
                case "READY":
                    logger.info("connected to the gateway")
                    continue
                case "RESUMED":
                    logger.info("gateway session resumed")
                    continue
                default: continue
                }
                do {
                    let interaction = try dispatch.decodeInteraction()
                    group.addTask { await router.handle(interaction) }
                } catch {
                    logger.warning("an INTERACTION_CREATE could not be read", metadata: ["sequence": "\(dispatch.sequence)"])
                }
            }
        }
    }
}
