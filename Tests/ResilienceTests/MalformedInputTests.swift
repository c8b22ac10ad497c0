import BotTesting
import Discord
import DiscordSimulator
import Foundation
import HTTP
import Lending
import LendingBot
import Logging
import PanelTesting
import Postgres
import Pterodactyl
import Secrets
import SimulatorSupport
import Testing

extension Resilience {
    /// Seeded malformed input of five kinds; the seed is in every failure message (`RESILIENCE_SEED=…`
    /// repeats the run). Nothing may crash, each input is rejected cleanly, and no row changes.
    @Suite("malformed input")
    struct MalformedInputTests {
        static let tables = ["Workflow", "WorkflowPanelUser", "WorkflowAudit", "LendingTask", "LendingTaskStep", "PterodactylUser",
                             "ServerBinding", "WorkflowNotice", "WorkflowArchive"]
        static let batch = 50

        @Test("gateway payloads, REST and panel responses, modal values and command options: rejected cleanly, nothing stored")
        func malformedInput() async throws {
            let perKind = ResilienceScale.current.malformedInputs / 5
            var random = SeededRandom.fromEnvironment()
            let seed = random.reproduction
            try await ResilienceWorld.with(members: 12) { world in
                let before = try await Self.rowCounts(world)
                try await Self.gatewayPayloads(world, count: perKind, random: &random, seed: seed)
                try await Self.restResponses(count: perKind, random: &random, seed: seed)
                try await Self.panelResponses(count: perKind, random: &random, seed: seed)
                try await Self.modalValues(world, count: perKind, random: &random, seed: seed)
                try await Self.commandOptions(world, count: perKind, random: &random, seed: seed)
                #expect(try await Self.rowCounts(world) == before, "a malformed input changed the database (\(seed))")
                print("malformed input: \(perKind * 5) inputs rejected (\(seed))")
            }
        }

        static func rowCounts(_ world: ResilienceWorld) async throws -> [String: Int] {
            var counts: [String: Int] = [:]
            for table in tables { counts[table] = try await world.count(table) }
            return counts
        }

        // MARK: Gateway payloads

        static let interactionKeys = ["id", "application_id", "type", "token"]

        /// Most variants go through the decoder the dispatcher uses; a quarter are dispatched by the
        /// gateway simulator to the live session, which must drop them and keep answering.
        static func gatewayPayloads(_ world: ResilienceWorld, count: Int, random: inout SeededRandom, seed: String) async throws {
            var malformed = MalformedJSON(random: random)
            defer { random = malformed.random }
            let live = count / 4
            for _ in 0..<(count - live) {
                let valid = world.gateway.makeCommandInteraction(name: "mcserver", options: [.subcommand("checkout", [])], as: Persona.numbered(1))
                var payload = Data(#"{"op":0,"s":1,"t":"INTERACTION_CREATE","d":"#.utf8)
                payload += malformed.byteVariant(of: valid.payload, required: interactionKeys)
                payload += Data("}".utf8)
                let dispatch = GatewayDispatch(sequence: 1, name: "INTERACTION_CREATE", payload: payload)
                // What the dispatcher uses (the fast path, then the models), and the models alone.
                #expect(throws: (any Error).self, "decoded a malformed INTERACTION_CREATE (\(seed)): \(String(decoding: payload.prefix(300), as: UTF8.self))") {
                    _ = try dispatch.decodeInteraction()
                }
                #expect(throws: (any Error).self, "the models decoded a malformed INTERACTION_CREATE (\(seed))") {
                    _ = try dispatch.decode(Interaction.self)
                }
            }
            for start in stride(from: 0, to: live, by: batch) {
                var dropped: [SimulatedInteraction] = []
                for _ in start..<min(start + batch, live) {
                    let valid = world.gateway.makeCommandInteraction(name: "mcserver", options: [.subcommand("checkout", [])], as: Persona.numbered(1))
                    _ = world.gateway.dispatch(event: "INTERACTION_CREATE", data: malformed.jsonVariant(of: valid.payload, required: interactionKeys))
                    dropped.append(valid)
                }
                // The session reads in order: once a good interaction after them is answered, they were all read.
                try await world.send(world.gateway.makeCommandInteraction(name: "mcserver", options: [.subcommand("checkout", [])], as: Persona.numbered(2)))
                #expect(dropped.allSatisfy { world.rest.interactionResponses(for: $0.id).isEmpty }, "a malformed interaction was answered (\(seed))")
            }
            #expect(world.gateway.identifies.count == 1, "the session survived every malformed payload (\(seed))")
        }

        // MARK: REST and panel responses

        static func quietLogger() -> Logger {
            var logger = Logger(label: "test.resilience.malformed")
            logger.logLevel = .critical
            return logger
        }

        static func restResponses(count: Int, random: inout SeededRandom, seed: String) async throws {
            let server = try await GarbageServer.start()
            let logger = quietLogger()
            let http = try HTTPClient(logger: logger)
            defer { http.shutdown() }
            let discord = DiscordClient(configuration: .init(token: Secret("simulated.bot.token"), baseURL: server.baseURL),
                                        transport: http, limiter: RateLimiter(clock: ContinuousClock(), logger: logger), logger: logger)
            let user: SimulatorJSON = ["id": "1100000000000000001", "username": "lending-bot", "discriminator": "0", "bot": true]
            server.serve(user.encoded())
            _ = try await discord.currentUser()  // the valid body decodes
            var malformed = MalformedJSON(random: random)
            for _ in 0..<count {
                let body = malformed.byteVariant(of: user, required: ["id", "username"])
                server.serve(body)
                await #expect(throws: DiscordError.self, "decoded a malformed user (\(seed)): \(String(decoding: body.prefix(300), as: UTF8.self))") {
                    _ = try await discord.currentUser()
                }
            }
            random = malformed.random
            await server.stop()
        }

        static func panelResponses(count: Int, random: inout SeededRandom, seed: String) async throws {
            let server = try await GarbageServer.start()
            let logger = quietLogger()
            let http = try HTTPClient(logger: logger)
            defer { http.shutdown() }
            let client = try PanelClient(configuration: PanelConfiguration(baseURL: server.baseURL, applicationKey: Secret("ptla_key"), clientKey: Secret("ptlc_key")),
                                         transport: http, logger: logger)
            let list: SimulatorJSON = ["object": "list", "data": .array([])]
            server.serve(list.encoded())
            #expect(try await client.subusers(of: "1a2b3c4d").isEmpty)  // the valid body decodes
            var malformed = MalformedJSON(random: random)
            for _ in 0..<count {
                let body = malformed.byteVariant(of: list, required: ["data"])
                server.serve(body)
                await #expect(throws: PanelError.self, "decoded a malformed panel list (\(seed)): \(String(decoding: body.prefix(300), as: UTF8.self))") {
                    _ = try await client.subusers(of: "1a2b3c4d")
                }
            }
            random = malformed.random
            await server.stop()
        }

        // MARK: Modal values and command options, through the real router

        static func modalValues(_ world: ResilienceWorld, count: Int, random: inout SeededRandom, seed: String) async throws {
            let member = Persona.numbered(1)
            let person = SimulatedResolvedUser(id: member.userID, username: member.username)
            let bot = SimulatedResolvedUser(id: "1100000000000000001", username: "lending-bot", isBot: true)
            for start in stride(from: 0, to: count, by: batch) {
                var sent: [SimulatedInteraction] = []
                for _ in start..<min(start + batch, count) {
                    var fields: [String: SimulatedModalField] = [
                        "description": .textInput(customID: "description", value: "Build contest"),
                        "mcVersion": .textInput(customID: "mcVersion", value: "1.21.4"),
                        "periodDays": .textInput(customID: "periodDays", value: "7"),
                        "organizer": .userSelect(customID: "organizer", users: [person]),
                        "panelUsers": .userSelect(customID: "panelUsers", users: [person]),
                    ]
                    var customID = ComponentRoute.checkoutForm.customID
                    switch Int.random(in: 0..<7, using: &random) {
                    case 0:
                        let text = [String(repeating: "é", count: Int.random(in: 101...4_000, using: &random)), "", "   ", "ok\u{0}bad", "\u{7}",
                                    "line\u{1B}[31m", "tab\u{8}"].randomElement(using: &random) ?? ""
                        fields["description"] = .textInput(customID: "description", value: text)
                    case 1:
                        fields["mcVersion"] = .textInput(customID: "mcVersion", value: "x" + randomText(&random, length: Int.random(in: 0...60, using: &random)))
                    case 2:
                        let period = ["0", "-3", "31", "99999999999999999999999", "7.5", "seven", "", "٣", "1e3", String(Int.random(in: 31...Int.max, using: &random))]
                        fields["periodDays"] = .textInput(customID: "periodDays", value: period.randomElement(using: &random) ?? "")
                    case 3:
                        let choice = [[], [bot], [person, SimulatedResolvedUser(id: Persona.numbered(2).userID, username: "member2")]]
                        fields["organizer"] = .userSelect(customID: "organizer", users: choice.randomElement(using: &random) ?? [])
                    case 4:
                        let many = (1...11).map { SimulatedResolvedUser(id: Persona.numbered($0).userID, username: "member\($0)") }
                        fields["panelUsers"] = .userSelect(customID: "panelUsers", users: [[], [bot], many].randomElement(using: &random) ?? [])
                    case 5:
                        let key = fields.keys.sorted().randomElement(using: &random) ?? "description"
                        if Bool.random(using: &random) {
                            fields.removeValue(forKey: key)
                        } else {
                            // A text where a selection belongs, or the other way round.
                            fields[key] = ["organizer", "panelUsers"].contains(key) ? .textInput(customID: key, value: member.userID) : .userSelect(customID: key, users: [person])
                        }
                    default:
                        customID = "zz" + randomText(&random, length: Int.random(in: 0...120, using: &random))
                    }
                    let submit = world.gateway.makeModalSubmitInteraction(customID: customID, fields: fields.keys.sorted().compactMap { fields[$0] }, as: member)
                    world.gateway.dispatchInteraction(submit)
                    sent.append(submit)
                }
                try await world.waitForAnswers(sent)
                for submit in sent {
                    let first = world.rest.interactionResponses(for: submit.id).first
                    #expect(first?.kind == .callback(type: 4) && first?.body?["data"]?["flags"]?.intValue == 64,
                            "a malformed form was not refused in a private reply (\(seed))")
                    #expect(DatabaseRestartTests.filedID(world.replyText(submit) ?? "") == nil, "a malformed form was filed (\(seed))")
                }
            }
        }

        static func commandOptions(_ world: ResilienceWorld, count: Int, random: inout SeededRandom, seed: String) async throws {
            let member = Persona.numbered(3)
            for start in stride(from: 0, to: count, by: batch) {
                var sent: [SimulatedInteraction] = []
                for _ in start..<min(start + batch, count) {
                    let junk = randomText(&random, length: Int.random(in: 0...200, using: &random))
                    let number = Int.random(in: Int.min...Int.max, using: &random)
                    let interaction: SimulatedInteraction = switch Int.random(in: 0..<8, using: &random) {
                    case 0: admin(world, ["workflow", "approve"], [.string("id", junk)])
                    case 1: admin(world, ["workflow", "reject"], [.integer("id", number)])
                    case 2: admin(world, ["workflow", "edit"], [.number("id", Double(number) / 3)])
                    case 3: world.gateway.makeCommandInteraction(name: "mcserver", options: [.subcommand("zz" + String(junk.prefix(20)), [])], as: member)
                    case 4: world.gateway.makeCommandInteraction(name: "zz" + String(junk.prefix(20)), options: [], as: member)
                    case 5: admin(world, ["server-binding", "unset"], [.string("name", "zz" + junk)])
                    case 6: admin(world, ["server", "status"], [.string("name", "zz" + junk)])
                    default: world.gateway.makeCommandInteraction(name: "mcserver-admin", options: [.subcommandGroup("workflow", [.subcommand("list", [])])], as: member)
                    }
                    world.gateway.dispatchInteraction(interaction)
                    sent.append(interaction)
                }
                try await world.waitForAnswers(sent)
                for interaction in sent {
                    guard case .callback(let type)? = world.rest.interactionResponses(for: interaction.id).first?.kind else {
                        Issue.record("no callback (\(seed))")
                        continue
                    }
                    let flags = world.rest.interactionResponses(for: interaction.id).first?.body?["data"]?["flags"]?.intValue ?? 0
                    #expect((type == 5 || type == 4) && flags & 64 != 0, "a malformed command got a public answer of type \(type) (\(seed))")
                }
            }
        }

        static func admin(_ world: ResilienceWorld, _ path: [String], _ options: [SimulatedCommandOption]) -> SimulatedInteraction {
            world.gateway.makeCommandInteraction(name: "mcserver-admin", options: [.subcommandGroup(path[0], [.subcommand(path[1], options)])],
                                                 as: Persona.moderator)
        }

        /// Letters, digits, punctuation, control characters, combining marks and emoji.
        static func randomText(_ random: inout SeededRandom, length: Int) -> String {
            let pool = Array("abcXYZ019 -_.:/\\\"'{}[]<>@#%&*\u{0}\u{1}\u{7F}\u{200B}\u{301}\u{FEFF}é日本😀")
            return String((0..<length).map { _ in pool.randomElement(using: &random) ?? "a" })
        }
    }
}
