import BotTesting
@testable import Discord
import DiscordSimulator
import SimulatorSupport
import Testing

/// `editMessage(in:id:_:)` over the real HTTP client against the REST simulator; `withClient` also
/// checks every body sent against Discord's OpenAPI spec.
@Suite("Editing a channel message through the REST client")
struct DiscordClientMessageEditTests {
    static let channel = DiscordClientTests.channel
    static let template = "PATCH /channels/{channel_id}/messages/{message_id}"

    @Test("the notice's content changes, then its buttons go; each answer is the message as edited")
    func editThenRemoveButtons() async throws {
        try await DiscordClientTests.withClient { client, simulator in
            let posted = try await client.createMessage(in: Self.channel, MessageCreate(
                content: "New request #7", components: [SamplePayloads.approvalRow], allowedMentions: .nobody))
            #expect(posted.editedTimestamp == nil)

            let installing = try await client.editMessage(in: Self.channel, id: posted.id, MessageEdit(content: "Installing 26.1 on Java 25…"))
            #expect(installing.content == "Installing 26.1 on Java 25…")
            #expect(installing.components?.count == 1, "fields the edit leaves out stay as they were")

            simulator.advance(by: .seconds(60))
            let ready = try await client.editMessage(in: Self.channel, id: posted.id, MessageEdit(content: "Ready: mc1.example.net:25565", components: []))
            #expect(ready.id == posted.id)
            #expect(ready.content == "Ready: mc1.example.net:25565")
            #expect(ready.components == [])
            #expect(ready.editedTimestamp == "2026-01-01T00:01:00.000000+00:00")

            let stored = try #require(simulator.message("\(posted.id)", in: "\(Self.channel)"))
            #expect(stored["content"] == "Ready: mc1.example.net:25565")
            #expect(stored["components"] == [])
            let edits = simulator.requests(to: .editMessage)
            #expect(edits.map(\.path) == Array(repeating: "/channels/\(Self.channel)/messages/\(posted.id)", count: 2))
            #expect(edits.last?.body == ["content": "Ready: mc1.example.net:25565", "components": []])
        }
    }

    @Test("refusals carry Discord's codes: another author's message 50005, an unknown message 10008, an unknown channel 10003")
    func refusals() async throws {
        try await DiscordClientTests.withClient { client, simulator in
            let theirs = simulator.postMessage(from: RESTSimulatorFixture.aliceID, in: RESTSimulatorFixture.channelID, content: "can I borrow one?")
            let other = await #expect(throws: DiscordError.self) {
                try await client.editMessage(in: Self.channel, id: MessageID(UInt64(theirs) ?? 0), MessageEdit(content: "x"))
            }
            #expect(other?.kind == .rejected(status: 403))
            #expect(other?.code == .cannotEditAnotherUsersMessage)
            #expect(other?.route == Self.template)

            let missing = await #expect(throws: DiscordError.self) {
                try await client.editMessage(in: Self.channel, id: MessageID(1_900_000_000_000_000_001), MessageEdit(content: "x"))
            }
            #expect(missing?.kind == .rejected(status: 404))
            #expect(missing?.code == .unknownMessage)

            let channel = await #expect(throws: DiscordError.self) {
                try await client.editMessage(in: ChannelID(1_300_000_000_000_000_999), id: MessageID(1_900_000_000_000_000_001), MessageEdit(content: "x"))
            }
            #expect(channel?.code == .unknownChannel)
            #expect(simulator.requests(to: .editMessage).count == 3, "a refusal is not retried")
            #expect(simulator.message(theirs, in: RESTSimulatorFixture.channelID)?["content"] == "can I borrow one?")
        }
    }

    @Test("an edit over Discord's limits is refused before anything is sent")
    func invalidEdit() async throws {
        try await DiscordClientTests.withClient { client, simulator in
            let error = await #expect(throws: DiscordError.self) {
                try await client.editMessage(in: Self.channel, id: MessageID(1_900_000_000_000_000_001), MessageEdit(content: String(repeating: "あ", count: 2001)))
            }
            guard case .invalidPayload(let validation) = error?.kind else {
                Issue.record("expected invalidPayload, got \(String(describing: error))")
                return
            }
            #expect(validation.field == "content")
            #expect(error?.route == Self.template)
            #expect(simulator.requests.isEmpty)
        }
    }

    @Test("an edit is retried after a 500: repeating it cannot change the message twice")
    func retriedAfterServerError() async throws {
        try await DiscordClientTests.withClient { client, simulator in
            let posted = try await client.createMessage(in: Self.channel, MessageCreate(content: "New request #8"))
            simulator.injectFault(.status(500, body: .json), on: .editMessage)
            let edited = try await client.editMessage(in: Self.channel, id: posted.id, MessageEdit(content: "Rejected"))
            #expect(edited.content == "Rejected")
            #expect(simulator.requests(to: .editMessage).map(\.status) == [500, 200])
        }
    }

    @Test("edits are limited per channel, as sends are, but in a bucket apart from them")
    func bucketKey() {
        let route = Route.editMessage(1, 10)
        #expect(route.method == "PATCH")
        #expect(route.template == "/channels/{channel_id}/messages/{message_id}")
        #expect(route.path == "/channels/1/messages/10")
        #expect(route.isIdempotent)
        #expect(route.rateLimitRoute.major == .channel(1))
        #expect(route.rateLimitRoute == Route.editMessage(1, 11).rateLimitRoute, "the message id is not a major parameter")
        #expect(route.rateLimitRoute != Route.editMessage(2, 10).rateLimitRoute)
        #expect(route.rateLimitRoute != Route.createMessage(1).rateLimitRoute)
    }
}
