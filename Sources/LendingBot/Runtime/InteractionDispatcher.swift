public import Clocks
public import Discord
import Foundation
public import Logging

/// Hands each INTERACTION_CREATE to the router, at most `maxInFlight` at a time, and logs READY
/// and RESUMED; other dispatches are ignored.
///
/// An interaction that waited longer than Discord's 3 seconds for the first answer (counted from
/// when the session received it, on the session's clock) is not handled: no answer could reach
/// the invoker any more, and handling it anyway could file a request the member was told had
/// failed. Under a load the machine cannot keep up with, this is what keeps the bot's memory and
/// delays bounded: the interactions waiting beyond `maxInFlight` are raw payloads in the gateway's
/// stream, and the stale ones among them are dropped at the cost of reading them instead of each
/// becoming a task that waits for a database session (1.5 GB and minutes of late answers after
/// four minutes of more load than two cores could take, before).
public struct InteractionDispatcher: Sendable {
    let router: InteractionRouter
    let clock: BotClock
    let maxInFlight: Int
    let logger: Logger

    /// Discord's deadline for an interaction's first answer.
    static let answerWindow: Duration = .seconds(3)

    /// - Parameters:
    ///   - clock: the gateway session's clock, which stamped each dispatch's `receivedAt`.
    ///   - maxInFlight: interactions handled at once; more wait, unread, in the stream.
    public init(router: InteractionRouter, clock: BotClock = .system, maxInFlight: Int = 64, logger: Logger) {
        self.router = router
        self.clock = clock
        self.maxInFlight = max(1, maxInFlight)
        self.logger = logger
    }

    /// Consumes `dispatches` until the stream ends or the task is cancelled; waits for the
    /// interactions already started before returning. A finished child of the group is kept until
    /// it is awaited, so one is awaited whenever `maxInFlight` are kept: never more are.
    public func run(_ dispatches: AsyncStream<GatewayDispatch>) async {
        await withTaskGroup(of: Void.self) { group in
            var kept = 0
            var expired = 0
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
                if kept >= maxInFlight {
                    await group.next()
                    kept -= 1
                }
                let interaction: Interaction
                do {
                    interaction = try dispatch.decodeInteraction()
                } catch {
                    logger.warning("an INTERACTION_CREATE could not be read", metadata: ["sequence": "\(dispatch.sequence)"])
                    continue
                }
                if let receivedAt = dispatch.receivedAt, clock.elapsed - receivedAt >= Self.answerWindow {
                    expired += 1
                    router.services.metrics.interactionHandled(InteractionRouter.metricType(interaction.data), outcome: .expired)
                    // The first, then one line per hundred: an overload would otherwise flood the log.
                    if expired % 100 == 1 {
                        logger.warning("interactions received too late to answer were skipped: the bot cannot keep up with the load",
                                       metadata: ["interactions.expired": "\(expired)", "interaction": "\(interaction.id)"])
                    }
                    continue
                }
                group.addTask { await router.handle(interaction) }
                kept += 1
            }
        }
    }
}
