import BotTesting
import TestSupport
import DiscordSimulator
import Foundation
import Lending
import LendingBot
import PanelTesting
import Testing

extension Resilience {
    @Suite("the gateway connection killed during a burst")
    struct GatewayKillTests {
        static let kills = 5

        @Test("five dropped connections, each resumed: every interaction answered exactly once, every request filed once")
        func killedFiveTimes() async throws {
            let total = ResilienceScale.current.gatewayBurst
            try await ResilienceWorld.with(members: DatabaseRestartTests.members) { world in
                let sessionID = try #require(world.gateway.sessionIDs.last)
                // Half open the request form (no database), half submit it (one row each).
                let interactions = (0..<total).map { number in
                    number.isMultiple(of: 2)
                        ? world.gateway.makeCommandInteraction(name: "mcserver", options: [.subcommand("checkout", [])],
                                                              as: Persona.numbered(number % DatabaseRestartTests.members + 1))
                        : DatabaseRestartTests.checkout(world, number: number)
                }
                let killAt = Set((1...Self.kills).map { $0 * total / (Self.kills + 1) })
                try await DatabaseRestartTests.burst(world, interactions) { index in
                    guard killAt.contains(index) else { return }
                    // Not a close handshake: the TCP connection just goes away, as when a node dies.
                    world.gateway.perform(.dropTCP)
                }
                try await eventually("the last resume", timeout: .seconds(30)) { Self.resumed(world) == Self.kills }

                let counts = world.callbackCounts()
                for interaction in interactions {
                    #expect(counts[interaction.id] == 1, "interaction \(interaction.id) got \(counts[interaction.id] ?? 0) callbacks")
                }
                let refused = world.rest.requests(to: .createInteractionResponse).filter { $0.status >= 400 }
                #expect(refused.isEmpty, "Discord refused \(refused.count) callbacks (late or repeated)")
                #expect(world.gateway.connections.count == Self.kills + 1, "one connection, then one per drop")
                #expect(world.gateway.identifies.count == 1, "every reconnect resumed the one session")
                #expect(world.gateway.resumes.allSatisfy { $0.sessionID == sessionID })
                let submits = interactions.count / 2
                #expect(try await world.count("Workflow") == submits, "each submitted form filed exactly once")
                print("gateway kills: \(total) interactions, \(Self.kills) dropped connections, \(world.gateway.resumes.count) resumes")
            }
        }

        static func resumed(_ world: ResilienceWorld) -> Int {
            world.gateway.resumes.filter { if case .resumed = $0.outcome { true } else { false } }.count
        }
    }
}
