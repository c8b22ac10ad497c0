import BotTesting
import DiscordSimulator
import DiscordTesting
import Foundation
import SimulatorSupport
import Testing

/// `PATCH /channels/{channel_id}/messages/{message_id}`: what changes, what is kept, who may edit,
/// and Discord's answers when the edit cannot be made.
@Suite("REST simulator message edits", .serialized) struct RESTSimulatorMessageEditTests {
    static let channel = RESTSimulatorFixture.channelID
    static let hiddenChannelID = "1300000000000000004"
    static let approvalRow: SimulatorJSON = ["type": 1, "components": [
        ["type": 2, "style": 3, "label": "Approve", "custom_id": "approve:7"],
        ["type": 2, "style": 4, "label": "Reject", "custom_id": "reject:7"],
    ]]

    /// Posts the moderators' notice with its buttons and returns its id.
    static func postNotice(_ client: RESTSimulatorTestClient, in channel: String = channel) async throws -> String {
        let reply = try await client.send("POST", "/channels/\(channel)/messages", json: [
            "content": "New request #7", "embeds": [["title": "Request #7"]], "components": [approvalRow],
        ])
        return try #require(reply.json?["id"]?.stringValue)
    }

    static func path(_ messageID: String, in channel: String = channel) -> String {
        "/channels/\(channel)/messages/\(messageID)"
    }

    @Test("an edit changes the content, removes the buttons, keeps the embed and sets edited_timestamp")
    func editContentRemoveComponents() async throws {
        try await RESTSimulatorFixture.withSimulator { simulator, client in
            let id = try await Self.postNotice(client)
            #expect(simulator.message(id, in: Self.channel)?["edited_timestamp"] == SimulatorJSON.null)
            simulator.advance(by: .seconds(90))

            let reply = try await client.send("PATCH", Self.path(id), json: ["content": "Ready: mc1.example.net:25565", "components": []])
            #expect(reply.status == 200)
            #expect(reply.json?["id"] == .string(id))
            #expect(reply.json?["content"] == "Ready: mc1.example.net:25565")
            #expect(reply.json?["components"] == [])
            #expect(reply.json?["embeds"]?[0]?["title"] == "Request #7", "a field absent from the body is kept")
            #expect(reply.json?["edited_timestamp"] == "2026-01-01T00:01:30.000000+00:00")
            #expect(reply.json?["timestamp"] == "2026-01-01T00:00:00.000000+00:00")

            let stored = try #require(simulator.message(id, in: Self.channel))
            #expect(stored == reply.json)
            #expect(simulator.sentMessages(in: Self.channel) == [stored], "an edit changes the message, it adds none")
            let recorded = try #require(simulator.requests(to: .editMessage).first)
            #expect(recorded.template == "/channels/{channel_id}/messages/{message_id}")
            #expect(recorded.method == "PATCH")
        }
    }

    @Test("null clears content and lists as Discord does; the edited message matches the spec's MessageResponse")
    func nullClears() async throws {
        try await RESTSimulatorFixture.withSimulator { simulator, client in
            let id = try await Self.postNotice(client)
            let reply = try await client.send("PATCH", Self.path(id), json: ["content": nil, "components": nil])
            #expect(reply.status == 200)
            #expect(reply.json?["content"] == "")
            #expect(reply.json?["components"] == [])
            #expect(reply.json?["embeds"]?.arrayValue?.count == 1)
            let verdict = try await SpecValidator().check(
                reply.body, method: "patch", template: "/channels/{channel_id}/messages/{message_id}", responseStatus: "200")
            #expect(verdict.isValid, "\(verdict.errors)")
        }
    }

    @Test("a message of another author gets 403 50005 and stays as it was")
    func anotherAuthor() async throws {
        try await RESTSimulatorFixture.withSimulator { simulator, client in
            let id = simulator.postMessage(from: RESTSimulatorFixture.aliceID, in: Self.channel, content: "can I borrow a server?")
            let before = simulator.message(id, in: Self.channel)
            #expect(before?["author"]?["id"] == .string(RESTSimulatorFixture.aliceID))

            let reply = try await client.send("PATCH", Self.path(id), json: ["content": "edited by the bot"])
            #expect(reply.status == 403)
            #expect(reply.json == ["message": "Cannot edit a message authored by another user", "code": 50005])
            #expect(simulator.message(id, in: Self.channel) == before)
            // Anyone else may touch `flags` alone, and only with MANAGE_MESSAGES, which the bot lacks.
            let flagsOnly = try await client.send("PATCH", Self.path(id), json: ["flags": 4])
            #expect(flagsOnly.status == 403)
            #expect(flagsOnly.json?["code"] == 50013)
        }
    }

    @Test("an unknown channel is 404 10003; an unknown message, or one of another channel, 404 10008")
    func unknowns() async throws {
        try await RESTSimulatorFixture.withSimulator { simulator, client in
            let id = try await Self.postNotice(client)
            let channel = try await client.send("PATCH", Self.path(id, in: "1300000000000000999"), json: ["content": "x"])
            #expect(channel.status == 404)
            #expect(channel.json == ["message": "Unknown Channel", "code": 10003])
            let message = try await client.send("PATCH", Self.path("1900000000000000001"), json: ["content": "x"])
            #expect(message.status == 404)
            #expect(message.json == ["message": "Unknown Message", "code": 10008])
            let elsewhere = try await client.send("PATCH", Self.path(id, in: RESTSimulatorFixture.otherChannelID), json: ["content": "x"])
            #expect(elsewhere.json?["code"] == 10008)
            #expect(simulator.message(id, in: Self.channel)?["content"] == "New request #7")
        }
    }

    @Test("a channel the bot cannot see is 403 50001 for an edit, as for a send and a read")
    func hiddenChannel() async throws {
        var configuration = RESTSimulatorFixture.configuration()
        configuration.channels.append(SimulatedChannel(id: Self.hiddenChannelID, name: "moderators", isViewable: false))
        try await RESTSimulatorFixture.withSimulator(configuration: configuration) { simulator, client in
            let id = simulator.postMessage(from: RESTSimulatorFixture.aliceID, in: Self.hiddenChannelID, content: "hidden")
            let edit = try await client.send("PATCH", Self.path(id, in: Self.hiddenChannelID), json: ["content": "x"])
            #expect(edit.status == 403)
            #expect(edit.json == ["message": "Missing Access", "code": 50001])
            let send = try await client.send("POST", "/channels/\(Self.hiddenChannelID)/messages", json: ["content": "x"])
            #expect(send.json?["code"] == 50001)
            let read = try await client.send("GET", "/channels/\(Self.hiddenChannelID)")
            #expect(read.status == 403)
            #expect(read.json?["code"] == 50001)
        }
    }

    @Test("an edit over the limits gets 50035 naming the field; one that would leave nothing gets 50006")
    func limits() async throws {
        try await RESTSimulatorFixture.withSimulator { simulator, client in
            let id = try await Self.postNotice(client)
            let tooLong = try await client.send("PATCH", Self.path(id), json: ["content": .string(String(repeating: "a", count: 2001))])
            #expect(tooLong.status == 400)
            #expect(tooLong.json?["code"] == 50035)
            #expect(tooLong.json?.formErrorCode(at: "content") == "BASE_TYPE_MAX_LENGTH")
            let rows = SimulatorJSON.array(Array(repeating: Self.approvalRow, count: 6))
            let tooManyRows = try await client.send("PATCH", Self.path(id), json: ["components": rows])
            #expect(tooManyRows.json?.formErrorCode(at: "components") == "BASE_TYPE_MAX_LENGTH")
            let emptied = try await client.send("PATCH", Self.path(id), json: ["content": "", "embeds": [], "components": []])
            #expect(emptied.status == 400)
            #expect(emptied.json == ["message": "Cannot send an empty message", "code": 50006])
            #expect(simulator.message(id, in: Self.channel)?["edited_timestamp"] == SimulatorJSON.null, "a refused edit changes nothing")
        }
    }

    @Test("edits carry bucket headers per channel, in a bucket apart from sends, and the 6th in 5 s gets a 429")
    func rateLimitHeaders() async throws {
        try await RESTSimulatorFixture.withSimulator { simulator, client in
            let id = try await Self.postNotice(client)
            let other = try await Self.postNotice(client, in: RESTSimulatorFixture.otherChannelID)
            var buckets = Set<String>()
            for remaining in (0..<5).reversed() {
                let reply = try await client.send("PATCH", Self.path(id), json: ["content": "Installing 26.1 on Java 25…"])
                #expect(reply.status == 200)
                #expect(reply.header("X-RateLimit-Limit") == "5")
                #expect(reply.header("X-RateLimit-Remaining") == String(remaining))
                #expect(reply.header("X-RateLimit-Reset-After") != nil)
                buckets.insert(try #require(reply.header("X-RateLimit-Bucket")))
            }
            #expect(buckets.count == 1)
            let limited = try await client.send("PATCH", Self.path(id), json: ["content": "Ready"])
            #expect(limited.status == 429)
            #expect(limited.header("X-RateLimit-Scope") == "user")

            let elsewhere = try await client.send("PATCH", Self.path(other, in: RESTSimulatorFixture.otherChannelID), json: ["content": "Ready"])
            #expect(elsewhere.header("X-RateLimit-Remaining") == "4", "another channel has its own bucket")
            #expect(elsewhere.header("X-RateLimit-Bucket") == buckets.first)
            let send = try await client.send("POST", "/channels/\(Self.channel)/messages", json: ["content": "still room to send"])
            #expect(send.status == 200)
            #expect(send.header("X-RateLimit-Bucket") != buckets.first)
        }
    }
}
