import BotTesting
import TestSupport
import DiscordSimulator
import Foundation
import Lending
import LendingBot
import PanelTesting
import Postgres
import PostgresTesting
import Testing

extension Resilience {
    @Suite("PostgreSQL restarted during a burst of checkouts")
    struct DatabaseRestartTests {
        static let members = 20
        static let inFlight = 16
        static let retryText = "Something went wrong. Please wait a moment and try again."

        static func checkout(_ world: ResilienceWorld, number: Int) -> SimulatedInteraction {
            let member = Persona.numbered(number % members + 1)
            let person = SimulatedResolvedUser(id: member.userID, username: member.username)
            return world.gateway.makeModalSubmitInteraction(customID: ComponentRoute.checkoutForm.customID, fields: [
                .textInput(customID: "description", value: "Burst \(number)"), .textInput(customID: "mcVersion", value: "1.21.4"),
                .textInput(customID: "periodDays", value: "7"), .userSelect(customID: "organizer", users: [person]),
                .userSelect(customID: "panelUsers", users: [person]),
            ], as: member)
        }

        /// Dispatches `interactions` keeping at most `inFlight` unanswered, calling `beforeEach` first.
        static func burst(_ world: ResilienceWorld, _ interactions: [SimulatedInteraction], beforeEach: (Int) -> Void = { _ in }) async throws {
            for (index, interaction) in interactions.enumerated() {
                beforeEach(index)
                world.gateway.dispatchInteraction(interaction)
                let window = interactions[max(0, index - 2 * inFlight)...index]
                try await eventually("room for another interaction", timeout: .seconds(30)) {
                    window.filter { world.rest.interactionResponses(for: $0.id).isEmpty }.count < inFlight
                }
            }
            try await world.waitForAnswers(interactions)
        }

        /// The workflow id a "Request #n received" reply names.
        static func filedID(_ text: String) -> Int? {
            guard text.hasPrefix("Request #"), text.contains("received") else { return nil }
            return Int(text.dropFirst("Request #".count).prefix { $0.isNumber })
        }

        @Test("every member gets one answer, success or 'try again'; rows match successes exactly; the pool recovers")
        func restartDuringCheckouts() async throws {
            let total = ResilienceScale.current.checkouts
            try await ResilienceWorld.with(database: .ownCluster, members: Self.members) { world in
                let cluster = try #require(world.cluster)
                let interactions = (0..<total).map { Self.checkout(world, number: $0) }
                var restart: Task<Void, any Error>?
                let started = ContinuousClock.now
                try await Self.burst(world, interactions) { index in
                    if index == total / 5 { restart = Task { try await cluster.restart() } }
                }
                try await #require(restart).value
                let elapsed = ContinuousClock.now - started

                // After the restart, the pool serves every request again.
                let after = (total..<(total + 20)).map { Self.checkout(world, number: $0) }
                try await Self.burst(world, after)

                let counts = world.callbackCounts()
                var filed: [Int] = []
                var retries = 0
                for interaction in interactions + after {
                    #expect(counts[interaction.id] == 1, "interaction \(interaction.id) got \(counts[interaction.id] ?? 0) callbacks")
                    let text = world.replyText(interaction) ?? ""
                    if let id = Self.filedID(text) {
                        filed.append(id)
                    } else {
                        #expect(text == Self.retryText, "neither a success nor a clear retry message: \(text)")
                        retries += 1
                    }
                }
                for interaction in after {
                    #expect(Self.filedID(world.replyText(interaction) ?? "") != nil, "a checkout after the restart failed")
                }
                let rows = try await world.pool.query(#"SELECT "id" FROM "Workflow" ORDER BY "id""#, named: "workflow ids").rows.map { try $0.decode("id", as: Int.self) }
                #expect(Set(filed).count == filed.count, "a workflow id was announced twice")
                #expect(rows == filed.sorted(), "rows \(rows.count) vs successes \(filed.count)")
                #expect(try await world.count("WorkflowPanelUser") == filed.count)
                print("database restart: \(total) checkouts in \(elapsed), \(filed.count - after.count) filed, \(retries) told to retry")
            }
        }
    }
}
