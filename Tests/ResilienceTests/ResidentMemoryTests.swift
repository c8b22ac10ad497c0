import BotTesting
import DiscordSimulator
import LendingBot
import Testing
import TestSupport

extension Resilience {
    /// Issue 20's memory target: resident memory grows less than 10 % over the long run's
    /// interactions after a 1,000-interaction warm-up. The bot runs as `lending-bot run` in a
    /// process of its own: the long run's bot shares the test process with the simulators, which
    /// keep every request they receive, so that process's memory says nothing about the bot's.
    @Suite("the bot's resident memory stays where the warm-up left it")
    struct ResidentMemoryTests {
        static let batch = 50
        static let warmUp = 1_000
        static let allowedGrowth = 0.10
        /// Members the interactions come from in turn. Not a multiple of the five kinds, so that
        /// every member files requests; all of them act during the warm-up, so whatever the bot
        /// keeps per member is there before the first reading; and enough that none reaches the
        /// limit of open requests over a full run (20,200 filed, about 20 each).
        static let members = 999

        /// What members and moderators do most: open the request form (no database), submit it
        /// (a request filed: a transaction), list requests (a read), autocomplete a loan (a read),
        /// and press a stale button (a refusal).
        static func interaction(_ gateway: DiscordGatewaySimulator, number: Int) -> SimulatedInteraction {
            let member = Persona.numbered(number % members + 1)
            switch number % 5 {
            case 0:
                return gateway.makeCommandInteraction(name: "mcserver", options: [.subcommand("checkout", [])], as: member)
            case 1:
                let person = Persona.resolved(member)
                return gateway.makeModalSubmitInteraction(customID: ComponentRoute.checkoutForm.customID, fields: [
                    .textInput(customID: "description", value: "Build event \(number)"), .textInput(customID: "mcVersion", value: "1.21.4"),
                    .textInput(customID: "periodDays", value: "7"), .userSelect(customID: "organizer", users: [person]),
                    .userSelect(customID: "panelUsers", users: [person]),
                ], as: member)
            case 2:
                return gateway.makeCommandInteraction(name: "mcserver-admin", options: [.subcommandGroup("workflow", [.subcommand("list", [])])], as: Persona.moderator)
            case 3:
                return gateway.makeAutocompleteInteraction(name: "mcserver", options: [.subcommand("extend", [.string("loan", "", focused: true)])], as: member)
            default:
                return gateway.makeComponentInteraction(customID: "gone.action:\(number)", as: member)
            }
        }

        /// Sends `range`'s interactions in batches, each answered before the next leaves, so that
        /// the bot never falls behind (a backlog's peak is the benchmark's question, not this
        /// one's); returns how many were submissions and how many of those filed a request.
        func run(_ world: SeparateBotWorld, _ range: Range<Int>) async throws -> (submissions: Int, filed: Int) {
            var submissions = 0
            var filed = 0
            for start in stride(from: range.lowerBound, to: range.upperBound, by: Self.batch) {
                let interactions = (start..<min(start + Self.batch, range.upperBound)).map { Self.interaction(world.gateway, number: $0) }
                for interaction in interactions { world.gateway.dispatchInteraction(interaction) }
                try await world.waitForAnswers(interactions)
                for interaction in interactions where interaction.type == .modalSubmit {
                    submissions += 1
                    if let text = world.replyText(interaction), text.hasPrefix("Request #"), text.contains("received") { filed += 1 }
                }
            }
            return (submissions, filed)
        }

        /// The lowest resident memory (KiB) over six seconds: a little more than one of the bot's
        /// 5-second `malloc_trim`s, so that memory freed but not yet handed back is not counted.
        func settledResident(_ bot: SeparateBot) async throws -> Int {
            var lowest = try #require(bot.residentKibibytes(), "the bot is gone")
            for _ in 0..<60 {
                try await Task.sleep(for: .milliseconds(100))
                lowest = min(lowest, try #require(bot.residentKibibytes(), "the bot is gone"))
            }
            return lowest
        }

        static func mebibytes(_ kibibytes: Int) -> String {
            let tenths = (kibibytes * 10 + 512) / 1024
            return "\(tenths / 10).\(tenths % 10) MiB"
        }

        @Test("after a 1,000-interaction warm-up, resident memory grows less than 10 % over the long run's interactions")
        func residentMemoryStaysFlat() async throws {
            let total = ResilienceScale.current.longRunInteractions
            // The members file requests throughout; a full run gives each about 20.
            try await SeparateBotWorld.with(members: Self.members, environment: ["CHECKOUT_MAX_OPEN_REQUESTS": "100"]) { world in
                let warm = try await run(world, 0..<Self.warmUp)
                try await world.waitUntilIdle()
                let before = try await settledResident(world.bot)

                let measured = try await run(world, Self.warmUp..<(Self.warmUp + total))
                try await world.waitUntilIdle()
                // The bot hands freed memory back every 5 s: give it several chances.
                let limit = Int(Double(before) * (1 + Self.allowedGrowth))
                var after = try #require(world.bot.residentKibibytes(), "the bot is gone")
                try? await eventually("resident memory back under \(Self.mebibytes(limit))", timeout: .seconds(30), polling: .milliseconds(100)) {
                    after = min(after, world.bot.residentKibibytes() ?? after)
                    return after < limit
                }
                let growth = Double(after - before) / Double(before)
                let percent = (growth * 1000).rounded() / 10
                print("resident memory: \(Self.mebibytes(before)) after \(Self.warmUp) interactions of warm-up → \(Self.mebibytes(after)) after \(total) more "
                      + "(\(percent > 0 ? "+" : "")\(percent) %); \(warm.filed + measured.filed) requests filed")
                #expect(growth < Self.allowedGrowth,
                        "lending-bot's resident memory grew \(percent) % over \(total) interactions: \(Self.mebibytes(before)) after the warm-up, \(Self.mebibytes(after)) after (target < 10 %)")
                #expect(warm.filed == warm.submissions && measured.filed == measured.submissions,
                        "\(warm.submissions + measured.submissions - warm.filed - measured.filed) of \(warm.submissions + measured.submissions) submissions filed no request")
                let refused = world.rest.requests(to: .createInteractionResponse).filter { $0.status >= 400 }.count
                #expect(refused == 0, "\(refused) callbacks were refused (late or repeated)")
            }
        }
    }
}
