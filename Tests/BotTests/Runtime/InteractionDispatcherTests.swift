import BotTesting
import Clocks
import Discord
import DiscordSimulator
import Foundation
import LendingBot
import Logging
import SimulatorSupport
import TestSupport
import Testing

/// The dispatcher's limits: what it does with an interaction it can no longer answer, and how many
/// it handles at once. Fed its own stream, on a manual clock, beside the harness's bot, whose
/// services it shares.
@Suite("Dispatching interactions")
struct InteractionDispatcherTests {
    static let logger = Logger(label: "test.dispatcher")

    /// The dispatch the gateway session would deliver for `interaction`, received at `receivedAt`.
    static func dispatch(_ interaction: SimulatedInteraction, sequence: Int, receivedAt: Duration, world: BotWorld) -> GatewayDispatch {
        world.rest.registerInteraction(id: interaction.id, token: interaction.token, type: interaction.type,
                                       applicationID: world.rest.configuration.applicationID, channelID: interaction.channelID,
                                       message: interaction.payload["message"])
        let payload = Data(#"{"op":0,"s":\#(sequence),"t":"INTERACTION_CREATE","d":"#.utf8) + interaction.payload.encoded() + Data("}".utf8)
        return GatewayDispatch(sequence: sequence, name: "INTERACTION_CREATE", payload: payload, receivedAt: receivedAt)
    }

    @Test("an interaction received 3 s or more before the bot could start on it is skipped and counted; a fresher one is answered")
    func skipsExpiredInteractions() async throws {
        try await BotWorld.with { world in
            let clock = BotClock.manual()
            clock.advance(by: .seconds(10))
            let dispatcher = InteractionDispatcher(router: InteractionRouter(services: world.services, handlers: .all()), clock: clock, logger: Self.logger)
            let open = { world.gateway.makeCommandInteraction(name: "mcserver", options: [.subcommand("checkout", [])], as: Persona.member) }
            let expired = open()
            let onTime = open()
            let (stream, feed) = AsyncStream<GatewayDispatch>.makeStream()
            feed.yield(Self.dispatch(expired, sequence: 1, receivedAt: .seconds(7), world: world))
            feed.yield(Self.dispatch(onTime, sequence: 2, receivedAt: .milliseconds(7_001), world: world))
            feed.finish()
            await dispatcher.run(stream)

            #expect(world.rest.interactionResponses(for: expired.id).isEmpty)
            #expect(world.rest.interactionResponses(for: onTime.id).count == 1)
            #expect(world.services.metrics.count("lendingbot_interactions_total", ["type": "command", "outcome": "expired"]) == 1)
        }
    }

    @Test("with one interaction at a time, the next is not started while the first one's answer is held up")
    func boundedInFlight() async throws {
        try await BotWorld.with { world in
            let clock = BotClock.manual()
            let dispatcher = InteractionDispatcher(router: InteractionRouter(services: world.services, handlers: .all()), clock: clock, maxInFlight: 1,
                                                   logger: Self.logger)
            let burst = (0..<3).map { _ in world.gateway.makeCommandInteraction(name: "mcserver", options: [.subcommand("checkout", [])], as: Persona.member) }
            // Discord takes the first answer, then holds its response back.
            world.rest.injectFault(.slowResponse(delay: .seconds(2)), on: .createInteractionResponse)
            let (stream, feed) = AsyncStream<GatewayDispatch>.makeStream()
            for (index, interaction) in burst.enumerated() {
                feed.yield(Self.dispatch(interaction, sequence: index + 1, receivedAt: clock.elapsed, world: world))
            }
            feed.finish()
            let running = Task { await dispatcher.run(stream) }
            try await eventually("the first answer reaches Discord") { !world.rest.requests(to: .createInteractionResponse).isEmpty }
            // Unbounded, the other two would be answered within milliseconds; bounded, they wait for
            // the first handler, whose answer is held up for 2 s. (A slow machine can only make this
            // pass, never fail.)
            try await Task.sleep(for: .milliseconds(300))
            #expect(world.rest.requests(to: .createInteractionResponse).map(\.path) == ["/interactions/\(burst[0].id)/\(burst[0].token)/callback"])
            await running.value
            #expect(world.rest.interactionResponses(for: burst[0].id).count == 1)
        }
    }
}
