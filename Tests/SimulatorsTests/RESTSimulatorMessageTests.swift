import BotTesting
import DiscordSimulator
import Foundation
import SimulatorSupport
import Testing

@Suite("REST simulator messages and DMs") struct RESTSimulatorMessageTests {
    let path = "/channels/\(RESTSimulatorFixture.channelID)/messages"

    @Test("a valid message is answered with a message object and recorded") func validMessage() async throws {
        try await RESTSimulatorFixture.withSimulator { simulator, client in
            let reply = try await client.send("POST", path, json: ["content": "Server 3 is yours until Friday", "allowed_mentions": ["parse": []]])
            #expect(reply.status == 200)
            #expect(reply.json?["content"] == "Server 3 is yours until Friday")
            #expect(reply.json?["channel_id"] == .string(RESTSimulatorFixture.channelID))
            #expect(reply.json?["author"]?["bot"] == true)

            let sent = simulator.sentMessages(in: RESTSimulatorFixture.channelID)
            #expect(sent.count == 1)
            #expect(sent.first?["id"] == reply.json?["id"])
            let recorded = try #require(simulator.requests(to: .createMessage).first)
            #expect(recorded.template == "/channels/{channel_id}/messages")
            #expect(recorded.path == path)
            #expect(recorded.body?["allowed_mentions"] == ["parse": []])
            #expect(recorded.header("User-Agent") == RESTSimulatorTestClient.userAgent)
            #expect(recorded.status == 200)
        }
    }

    @Test("content of 2001 characters gets 50035 naming content; 2000 passes") func contentLimit() async throws {
        try await RESTSimulatorFixture.withSimulator { simulator, client in
            let tooLong = try await client.send("POST", path, json: ["content": .string(String(repeating: "a", count: 2001))])
            #expect(tooLong.status == 400)
            #expect(tooLong.json?["code"] == 50035)
            #expect(tooLong.json?["message"] == "Invalid Form Body")
            #expect(tooLong.json?.formErrorCode(at: "content") == "BASE_TYPE_MAX_LENGTH")
            #expect(tooLong.json?.formErrorMessage(at: "content") == "Must be 2000 or fewer in length.")

            // Discord counts code points: 2000 emoji are 2000, not 4000 UTF-16 units.
            let atLimit = try await client.send("POST", path, json: ["content": .string(String(repeating: "🎮", count: 2000))])
            #expect(atLimit.status == 200)
            #expect(simulator.sentMessages(in: RESTSimulatorFixture.channelID).count == 1)
        }
    }

    @Test("an embed title of 257 characters gets an error tree down to embeds.0.title") func embedTitle() async throws {
        try await RESTSimulatorFixture.withSimulator { simulator, client in
            let embed: SimulatorJSON = ["title": .string(String(repeating: "t", count: 257)), "description": "ok"]
            let reply = try await client.send("POST", path, json: ["embeds": [embed]])
            #expect(reply.status == 400)
            #expect(reply.json?["errors"] == [
                "embeds": ["0": ["title": ["_errors": [["code": "BASE_TYPE_MAX_LENGTH", "message": "Must be 256 or fewer in length."]]]]],
            ])
        }
    }

    struct LimitCase: Sendable, CustomTestStringConvertible {
        let name: String
        let body: SimulatorJSON
        let path: [String]
        let code: String
        var testDescription: String { name }
    }

    static let button: SimulatorJSON = ["type": 2, "style": 1, "label": "a", "custom_id": "a"]
    static func button(customID: String) -> SimulatorJSON { ["type": 2, "style": 1, "label": "a", "custom_id": .string(customID)] }
    static func text(_ count: Int) -> SimulatorJSON { .string(String(repeating: "x", count: count)) }

    static let limitCases: [LimitCase] = [
        LimitCase(name: "11 embeds", body: ["embeds": .array(Array(repeating: ["title": "x"], count: 11))],
                  path: ["embeds"], code: "BASE_TYPE_MAX_LENGTH"),
        LimitCase(name: "26 fields", body: ["embeds": [["fields": .array(Array(repeating: ["name": "n", "value": "v"], count: 26))]]],
                  path: ["embeds", "0", "fields"], code: "BASE_TYPE_MAX_LENGTH"),
        LimitCase(name: "description 4097", body: ["embeds": [["description": text(4097)]]],
                  path: ["embeds", "0", "description"], code: "BASE_TYPE_MAX_LENGTH"),
        LimitCase(name: "6001 characters over two embeds", body: ["embeds": [["description": text(4000)], ["description": text(2001)]]],
                  path: ["embeds"], code: "MAX_EMBED_SIZE_EXCEEDED"),
        LimitCase(name: "6 action rows", body: ["components": .array(Array(repeating: ["type": 1, "components": [button]], count: 6))],
                  path: ["components"], code: "BASE_TYPE_MAX_LENGTH"),
        LimitCase(name: "custom_id 101", body: ["components": [["type": 1, "components": [button(customID: String(repeating: "c", count: 101))]]]],
                  path: ["components", "0", "components", "0", "custom_id"], code: "BASE_TYPE_BAD_LENGTH"),
        LimitCase(name: "empty custom_id", body: ["components": [["type": 1, "components": [button(customID: "")]]]],
                  path: ["components", "0", "components", "0", "custom_id"], code: "BASE_TYPE_BAD_LENGTH"),
    ]

    @Test("other message limits name their field", arguments: limitCases)
    func otherLimits(_ limit: LimitCase) async throws {
        try await RESTSimulatorFixture.withSimulator { simulator, client in
            let reply = try await client.send("POST", path, json: limit.body)
            #expect(reply.status == 400)
            var node = reply.json?["errors"]
            for key in limit.path { node = node?[key] }
            #expect(node?["_errors"]?[0]?["code"] == .string(limit.code))
            #expect(simulator.sentMessages(in: RESTSimulatorFixture.channelID).isEmpty)
        }
    }

    @Test("an empty message gets 50006 and an unknown channel 10003") func emptyAndUnknown() async throws {
        try await RESTSimulatorFixture.withSimulator { simulator, client in
            #expect(try await client.send("POST", path, json: ["content": ""]).json?["code"] == 50006)
            let unknown = try await client.send("POST", "/channels/999/messages", json: ["content": "hi"])
            #expect(unknown.status == 404)
            #expect(unknown.json == ["message": "Unknown Channel", "code": 10003])
            let readOnly = try await client.send("POST", "/channels/\(RESTSimulatorFixture.readOnlyChannelID)/messages", json: ["content": "hi"])
            #expect(readOnly.status == 403)
            #expect(readOnly.json?["code"] == 50013)
        }
    }

    @Test("opening a DM twice gives the same channel, and the message lands there") func directMessage() async throws {
        try await RESTSimulatorFixture.withSimulator { simulator, client in
            let first = try await client.send("POST", "/users/@me/channels", json: ["recipient_id": .string(RESTSimulatorFixture.aliceID)])
            let second = try await client.send("POST", "/users/@me/channels", json: ["recipient_id": .string(RESTSimulatorFixture.aliceID)])
            #expect(first.status == 200)
            #expect(first.json?["type"] == 1)
            #expect(first.json?["recipients"]?[0]?["id"] == .string(RESTSimulatorFixture.aliceID))
            let channelID = try #require(first.json?["id"]?.stringValue)
            #expect(second.json?["id"]?.stringValue == channelID)
            #expect(simulator.dmChannelID(for: RESTSimulatorFixture.aliceID) == channelID)

            let sent = try await client.send("POST", "/channels/\(channelID)/messages", json: ["content": "Your loan ends tomorrow"])
            #expect(sent.status == 200)
            #expect(simulator.sentMessages(in: channelID).map { $0["content"] } == ["Your loan ends tomorrow"])

            let stranger = try await client.send("POST", "/users/@me/channels", json: ["recipient_id": "42"])
            #expect(stranger.json?["code"] == 50033)
        }
    }

    @Test("a DM to a user who blocks DMs gets 403 50007 and is not delivered") func blockedDM() async throws {
        try await RESTSimulatorFixture.withSimulator { simulator, client in
            let channel = try await client.send("POST", "/users/@me/channels", json: ["recipient_id": .string(RESTSimulatorFixture.blockerID)])
            #expect(channel.status == 200)
            let channelID = try #require(channel.json?["id"]?.stringValue)
            let reply = try await client.send("POST", "/channels/\(channelID)/messages", json: ["content": "Your loan ends tomorrow"])
            #expect(reply.status == 403)
            #expect(reply.json == ["message": "Cannot send messages to this user", "code": 50007])
            #expect(simulator.sentMessages(in: channelID).isEmpty)
            #expect(simulator.invalidRequestCount == 1)
        }
    }
}
