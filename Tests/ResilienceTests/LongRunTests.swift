import BotTesting
import TestSupport
import DiscordSimulator
import Foundation
import Lending
import LendingBot
import PanelTesting
import Testing

extension Resilience {
    @Suite("a long run leaks nothing")
    struct LongRunTests {
        static let batch = 50

        /// A mix of what members and moderators do most: open the request form (no database), list
        /// requests (a database read), autocomplete a loan (a read), and press a stale button (a refusal).
        static func interaction(_ world: ResilienceWorld, number: Int) -> SimulatedInteraction {
            let member = Persona.numbered(number % 10 + 1)
            switch number % 4 {
            case 0: return world.gateway.makeCommandInteraction(name: "mcserver", options: [.subcommand("checkout", [])], as: member)
            case 1: return world.gateway.makeCommandInteraction(name: "mcserver-admin", options: [.subcommandGroup("workflow", [.subcommand("list", [])])],
                                                               as: Persona.moderator)
            case 2: return world.gateway.makeAutocompleteInteraction(name: "mcserver", options: [.subcommand("extend", [.string("loan", "", focused: true)])], as: member)
            default: return world.gateway.makeComponentInteraction(customID: "gone.action:\(number)", as: member)
            }
        }

        func run(_ world: ResilienceWorld, _ range: Range<Int>) async throws {
            for start in stride(from: range.lowerBound, to: range.upperBound, by: Self.batch) {
                let interactions = (start..<min(start + Self.batch, range.upperBound)).map { Self.interaction(world, number: $0) }
                for interaction in interactions { world.gateway.dispatchInteraction(interaction) }
                try await world.waitForAnswers(interactions)
            }
        }

        @Test("after the interactions, file descriptors, database sessions and threads are where they were")
        func noLeaks() async throws {
            let total = ResilienceScale.current.longRunInteractions
            try await ResilienceWorld.with { world in
                // A warm-up fills the pool, the HTTP client's connections and the thread pools.
                try await run(world, 0..<1_000)
                let before = try await ProcessResources.measure(world.pool)
                let started = ContinuousClock.now
                try await run(world, 1_000..<(1_000 + total))
                let elapsed = ContinuousClock.now - started
                // Let the last tasks finish and their sockets close.
                var after = try await ProcessResources.measure(world.pool)
                try? await eventually("resources to settle", timeout: .seconds(10)) {
                    after = try await ProcessResources.measure(world.pool)
                    return after.fileDescriptors <= before.fileDescriptors + 4 && after.threads <= before.threads + 2
                }
                print("long run: \(total) interactions in \(elapsed); before \(before); after \(after)")
                #expect(after.fileDescriptors <= before.fileDescriptors + 4, "file descriptors grew: \(before) → \(after)")
                #expect(after.databaseSessions <= before.databaseSessions, "database sessions grew: \(before) → \(after)")
                #expect(after.threads <= before.threads + 2, "threads grew: \(before) → \(after)")
                let refused = world.rest.requests(to: .createInteractionResponse).filter { $0.status >= 400 }.count
                #expect(refused == 0, "\(refused) callbacks were refused (late or repeated)")
            }
        }
    }
}
