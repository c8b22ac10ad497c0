import BotTesting
import TestSupport
import DiscordSimulator
import Foundation
import Lending
import LendingBot
import Testing

/// Serialized: each test starts the simulators and migrates a database of its own, and the two
/// shared cores also serve other suites that race Discord's 3-second deadline.
@Suite("The gateway across reconnects", .serialized)
struct GatewayResumeTests {

    /// How many callbacks the bot posted for `interaction`, whatever Discord answered.
    static func callbacks(_ world: BotWorld, for interaction: SimulatedInteraction) -> Int {
        world.rest.requests(to: .createInteractionResponse).filter { $0.path.hasPrefix("/interactions/\(interaction.id)/") }.count
    }

    @Test("a gateway resume in the middle of a checkout loses no interaction", arguments: ["dropped TCP", "op 7 reconnect"])
    func resumeMidCheckout(scenario: String) async throws {
        try await BotWorld.with { world in
            let command = try await world.send(world.gateway.makeCommandInteraction(
                name: "mcserver", options: [.subcommand("checkout", [])], as: Persona.member))
            let sessionID = try #require(world.gateway.sessionIDs.last)

            // The connection goes away just as the member submits the form: Discord keeps the
            // submission in the session's replay buffer (or sends it on the closing connection).
            world.gateway.perform(scenario == "dropped TCP" ? .dropTCP : .reconnect)
            let submit = world.gateway.makeModalSubmitInteraction(customID: ComponentRoute.checkoutForm.customID, fields: CheckoutTests.fields(), as: Persona.member)
            world.gateway.dispatchInteraction(submit)

            try await eventually("the submission's answer") { !world.rest.interactionResponses(for: submit.id).isEmpty }
            try await eventually("the resume") { world.gateway.resumes.contains { if case .resumed = $0.outcome { true } else { false } } }
            #expect(world.gateway.resumes.allSatisfy { $0.sessionID == sessionID })
            #expect(world.gateway.identifies.count == 1, "no new session was started")

            // A later interaction on the resumed connection is answered too.
            let after = try await world.send(world.gateway.makeCommandInteraction(
                name: "mcserver", options: [.subcommand("checkout", [])], as: Persona.otherMember))

            try await eventually("the moderators' notice") { !world.rest.sentMessages(in: SeededGuild.notifyChannelID).isEmpty }
            for interaction in [command, submit, after] {
                #expect(Self.callbacks(world, for: interaction) == 1, "\(interaction.type) answered exactly once")
                #expect(world.rest.interactionResponses(for: interaction.id).count == 1)
            }
            #expect(try await WorkflowTable.find(id: 1, on: world.pool)?.status == .pending)
            #expect(try await WorkflowTable.find(id: 2, on: world.pool) == nil)
            #expect(world.rest.sentMessages(in: SeededGuild.notifyChannelID).count == 1)
        }
    }
}
