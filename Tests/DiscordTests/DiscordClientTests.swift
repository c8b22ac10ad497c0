import BotTesting
import Clocks
@testable import Discord
import DiscordSimulator
import DiscordTesting
import Foundation
import HTTP
import Logging
import Secrets
import SimulatorSupport
import Testing

/// The REST client over the real HTTP client against the Discord REST simulator.
@Suite("The Discord REST client")
struct DiscordClientTests {
    static let channel = ChannelID(1_300_000_000_000_000_001)
    static let alice = UserID(1_400_000_000_000_000_001)
    static let blocker = UserID(1_400_000_000_000_000_002)
    static let lenderRole = RoleID(1_500_000_000_000_000_001)

    /// A simulator on a manual clock, a client on the real HTTP stack, and after `body` a check that
    /// every body the client sent is valid against Discord's OpenAPI spec.
    static func withClient(
        token: String = RESTSimulatorFixture.token,
        clock: BotClock = .manual(),
        _ body: (DiscordClient, DiscordRESTSimulator) async throws -> Void
    ) async throws {
        try await RESTSimulatorFixture.withSimulator(clock: clock) { simulator in
            let logger = Logger(label: "test.discord")
            let http = try HTTPClient(logger: logger)
            var configuration = DiscordClient.Configuration(token: Secret(token), baseURL: simulator.baseURL.absoluteString)
            configuration.retryBaseDelay = .milliseconds(10)
            let client = DiscordClient(configuration: configuration, transport: http, limiter: RateLimiter(clock: ContinuousClock(), logger: logger), logger: logger)
            try await body(client, simulator)
            http.shutdown()
            try await expectSpecValidBodies(simulator.requests)
        }
    }

    static func expectSpecValidBodies(_ requests: [RecordedRequest]) async throws {
        let sent = requests.filter { !$0.rawBody.isEmpty }
        let verdicts = try await SpecValidator().checkAll(sent.map { .init(method: $0.method, path: $0.path, body: $0.rawBody) })
        for (request, verdict) in zip(sent, verdicts) {
            #expect(verdict.isValid, "\(request.method) \(request.template): \(verdict.errors)")
        }
    }

    @Test("an ephemeral reply, a deferral, its completion and a follow-up reach the interaction")
    func interactionFlow() async throws {
        try await Self.withClient { client, simulator in
            simulator.registerInteraction(id: "1600000000000000001", token: "token-one", type: .applicationCommand)
            try await client.respond(
                to: InteractionID(1_600_000_000_000_000_001), token: Secret("token-one"),
                with: .channelMessage(MessageCreate(content: "受け付けました", flags: .ephemeral))
            )
            simulator.registerInteraction(id: "1600000000000000002", token: "token-two", type: .applicationCommand)
            try await client.respond(to: InteractionID(1_600_000_000_000_000_002), token: Secret("token-two"), with: .deferredChannelMessage(flags: .ephemeral))
            let application = ApplicationID(UInt64(simulator.configuration.applicationID) ?? 0)
            try await client.editOriginalResponse(application: application, token: Secret("token-two"), with: MessageEdit(content: "承認しました"))
            try await client.createFollowup(application: application, token: Secret("token-two"), message: MessageCreate(content: "server01 を割り当てました", flags: .ephemeral))
            #expect(simulator.interactionResponses(for: "1600000000000000001").map(\.kind) == [.callback(type: 4)])
            #expect(simulator.interactionResponses(for: "1600000000000000002").map(\.kind) == [.callback(type: 5), .editOriginal, .followUp])
            #expect(simulator.originalResponse(for: "1600000000000000002")?["content"]?.stringValue == "承認しました")
        }
    }

    @Test("Discord's interaction deadlines surface as their codes, and do not stop the bot")
    func deadlines() async throws {
        try await Self.withClient { client, simulator in
            simulator.registerInteraction(id: "1600000000000000003", token: "late", type: .applicationCommand)
            simulator.advance(by: .milliseconds(3100))
            let late = await #expect(throws: DiscordError.self) {
                try await client.respond(to: InteractionID(1_600_000_000_000_000_003), token: Secret("late"), with: .deferredChannelMessage(flags: .ephemeral))
            }
            #expect(late?.code == .unknownInteraction)
            #expect(late?.kind == .rejected(status: 404))

            simulator.registerInteraction(id: "1600000000000000004", token: "twice", type: .applicationCommand)
            try await client.respond(to: InteractionID(1_600_000_000_000_000_004), token: Secret("twice"), with: .deferredChannelMessage(flags: nil))
            let twice = await #expect(throws: DiscordError.self) {
                try await client.respond(to: InteractionID(1_600_000_000_000_000_004), token: Secret("twice"), with: .deferredChannelMessage(flags: nil))
            }
            #expect(twice?.code == .interactionAlreadyAcknowledged)

            simulator.advance(by: .seconds(15 * 60 + 1))
            let application = ApplicationID(UInt64(simulator.configuration.applicationID) ?? 0)
            let expired = await #expect(throws: DiscordError.self) {
                try await client.editOriginalResponse(application: application, token: Secret("twice"), with: MessageEdit(content: "too late"))
            }
            #expect(expired?.code == .invalidWebhookToken)
            // An expired interaction token is not the bot token: the bot carries on.
            let user = try await client.currentUser()
            #expect(user.id.rawValue > 0)
        }
    }

    @Test("direct messages go through a DM channel; a user who blocks them gives 50007")
    func directMessages() async throws {
        try await Self.withClient { client, simulator in
            try await client.sendDirectMessage(to: Self.alice, MessageCreate(content: "貸出期間は明日までです", allowedMentions: .nobody))
            let channel = try #require(simulator.dmChannelID(for: "\(Self.alice)"))
            #expect(simulator.sentMessages(in: channel).count == 1)
            let blocked = await #expect(throws: DiscordError.self) {
                try await client.sendDirectMessage(to: Self.blocker, MessageCreate(content: "hello"))
            }
            #expect(blocked?.code == .cannotSendMessagesToUser)
        }
    }

    @Test("a role is added with a Japanese audit-log reason, sent percent-encoded")
    func roleWithReason() async throws {
        try await Self.withClient { client, simulator in
            let guild = GuildID(UInt64(simulator.configuration.guildID) ?? 0)
            try await client.addRole(Self.lenderRole, to: Self.alice, in: guild, reason: "貸出 #12 の承認")
            #expect(simulator.roles(of: "\(Self.alice)").contains("\(Self.lenderRole)"))
            let header = try #require(simulator.requests(to: .addMemberRole).last?.header("X-Audit-Log-Reason"))
            #expect(header.allSatisfy { $0.isASCII })
            #expect(header.removingPercentEncoding == "貸出 #12 の承認")
        }
    }

    @Test("a payload over Discord's limits is refused before anything is sent")
    func invalidPayload() async throws {
        try await Self.withClient { client, simulator in
            let error = await #expect(throws: DiscordError.self) {
                try await client.createMessage(in: Self.channel, MessageCreate(content: String(repeating: "あ", count: 2001)))
            }
            guard case .invalidPayload(let validation) = error?.kind else {
                Issue.record("expected invalidPayload, got \(String(describing: error))")
                return
            }
            #expect(validation.field == "content")
            #expect(simulator.requests.isEmpty)
        }
    }

    @Test("a refused bot token stops every later request before it is sent")
    func unauthorized() async throws {
        try await Self.withClient(token: "wrong.token") { client, simulator in
            let first = await #expect(throws: DiscordError.self) { try await client.currentUser() }
            #expect(first?.kind == .unauthorized)
            let second = await #expect(throws: DiscordError.self) { try await client.gatewayBot() }
            #expect(second?.kind == .unauthorized)
            #expect(simulator.requests.count == 1)
        }
    }

    @Test("concurrent messages respect the bucket the server announces: no 429 reaches the server")
    func noRateLimitStorm() async throws {
        // Rate-limit windows pass in real time here: the client waits real seconds for them.
        try await Self.withClient(clock: .adjustable()) { client, simulator in
            simulator.setRateLimit(RateLimitRule(limit: 3, window: .milliseconds(300)), for: .createMessage)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<8 {
                    group.addTask { try await client.createMessage(in: Self.channel, MessageCreate(content: "message \(index)")) }
                }
                try await group.waitForAll()
            }
            #expect(simulator.sentMessages(in: "\(Self.channel)").count == 8)
            #expect(!simulator.requests(to: .createMessage).contains { $0.status == 429 })
        }
    }

    @Test("a 429 is waited out and the request retried")
    func sharedRateLimitRetried() async throws {
        try await Self.withClient { client, simulator in
            simulator.injectFault(.sharedRateLimit(retryAfter: 0.2), on: .createMessage)
            try await client.createMessage(in: Self.channel, MessageCreate(content: "after the wait"))
            #expect(simulator.requests(to: .createMessage).map(\.status) == [429, 200])
        }
    }

    @Test("5xx: a GET is retried, a POST is not repeated")
    func serverErrors() async throws {
        try await Self.withClient { client, simulator in
            let guild = GuildID(UInt64(simulator.configuration.guildID) ?? 0)
            simulator.injectFault(.status(502, body: .html), on: .getMember)
            simulator.injectFault(.status(500, body: .json), on: .getMember)
            let member = try await client.guildMember(Self.alice, in: guild)
            #expect(member.user?.id == Self.alice)
            #expect(simulator.requests(to: .getMember).map(\.status) == [502, 500, 200])

            simulator.injectFault(.status(500, body: .json), on: .createMessage)
            let error = await #expect(throws: DiscordError.self) {
                try await client.createMessage(in: Self.channel, MessageCreate(content: "once"))
            }
            #expect(error?.kind == .server(status: 500))
            #expect(simulator.requests(to: .createMessage).count == 1)
        }
    }

    @Test("a response cut mid-body is a transport error, and a POST is not sent twice")
    func resetMidBody() async throws {
        try await Self.withClient { client, simulator in
            simulator.injectFault(.resetMidBody(afterBytes: 10), on: .createMessage)
            let error = await #expect(throws: DiscordError.self) {
                try await client.createMessage(in: Self.channel, MessageCreate(content: "maybe"))
            }
            guard case .transport = error?.kind else {
                Issue.record("expected a transport error, got \(String(describing: error))")
                return
            }
            #expect(simulator.requests(to: .createMessage).count == 1)
        }
    }

    @Test("guild commands are overwritten with Japanese and English names, and get ids")
    func commands() async throws {
        try await Self.withClient { client, simulator in
            let command = ApplicationCommand(
                name: "mcserver", nameLocalizations: [.japanese: "mcserver", .englishUS: "mcserver"],
                description: "Borrow a Minecraft server", descriptionLocalizations: [.japanese: "マイクラサーバーを借りる", .englishUS: "Borrow a Minecraft server"]
            )
            let application = ApplicationID(UInt64(simulator.configuration.applicationID) ?? 0)
            let guild = GuildID(UInt64(simulator.configuration.guildID) ?? 0)
            let registered = try await client.overwriteGuildCommands([command], application: application, guild: guild)
            #expect(registered.map(\.name) == ["mcserver"])
            #expect(simulator.commands.count == 1)
        }
    }

    @Test("every route's template exists in Discord's OpenAPI spec with its method")
    func routesInSpec() throws {
        let spec = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: SpecValidator().specPath))) as? [String: Any]
        let paths = try #require(spec?["paths"] as? [String: [String: Any]])
        let token = Secret("t")
        let routes: [Route] = [
            .createInteractionResponse(1, token: token), .editOriginalResponse(1, token: token), .deleteOriginalResponse(1, token: token),
            .createFollowupMessage(1, token: token), .createDM, .createMessage(1), .editMessage(1, 2), .addMemberRole(1, 2, 3), .getGuildMember(1, 2),
            .getCurrentUser, .getGatewayBot, .getGuild(1), .getGuildCommands(1, 2), .bulkOverwriteGuildCommands(1, 2),
        ]
        for route in routes {
            #expect(paths[route.template]?[route.method.lowercased()] != nil, "\(route.method) \(route.template)")
        }
    }
}
