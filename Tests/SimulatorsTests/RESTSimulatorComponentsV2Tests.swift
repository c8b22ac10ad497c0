import BotTesting
import DiscordSimulator
import DiscordTesting
import Foundation
import SimulatorSupport
import Testing

/// Components-v2 messages (flag IS_COMPONENTS_V2, what the live board is): no content or embeds
/// beside the flag, at most 40 components and 4000 characters of text displays, each refused with
/// Discord's 50035; and a message deleted in the client, whose edit is then 404 10008.
@Suite("REST simulator components-v2 messages", .serialized) struct RESTSimulatorComponentsV2Tests {
    static let channel = RESTSimulatorFixture.channelID
    static let path = "/channels/\(channel)/messages"
    static let flag = 1 << 15

    static func display(_ text: String) -> SimulatorJSON {
        ["type": 10, "content": .string(text)]
    }

    static func body(_ components: [SimulatorJSON], extra: [String: SimulatorJSON] = [:]) -> SimulatorJSON {
        var fields: [String: SimulatorJSON] = ["flags": .integer(Int64(flag)), "components": .array(components)]
        fields.merge(extra) { _, new in new }
        return .object(fields)
    }

    @Test("text displays and a row of buttons are accepted; the message keeps its flag")
    func accepted() async throws {
        try await RESTSimulatorFixture.withSimulator { simulator, client in
            let row: SimulatorJSON = ["type": 1, "components": [["type": 2, "style": 1, "label": "Request", "custom_id": "board.request"]]]
            let reply = try await client.send("POST", Self.path, json: Self.body([Self.display("## Board"), Self.display("nothing lent"), row]))
            #expect(reply.status == 200)
            let id = try #require(reply.json?["id"]?.stringValue)
            #expect(simulator.message(id, in: Self.channel)?["flags"]?.intValue == Self.flag)
        }
    }

    @Test("content or embeds beside the flag, more than 40 components, or more than 4000 characters of text are 50035")
    func refused() async throws {
        try await RESTSimulatorFixture.withSimulator { simulator, client in
            let withContent = try await client.send("POST", Self.path, json: Self.body([Self.display("x")], extra: ["content": "hello"]))
            #expect(withContent.status == 400)
            #expect(withContent.json?.formErrorCode(at: "content") == "MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2")
            let withEmbeds = try await client.send("POST", Self.path, json: Self.body([Self.display("x")], extra: ["embeds": [["title": "t"]]]))
            #expect(withEmbeds.json?["code"] == 50035)
            #expect(withEmbeds.json?.formErrorCode(at: "embeds") == "MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2")
            let many = try await client.send("POST", Self.path, json: Self.body(Array(repeating: Self.display("x"), count: 41)))
            #expect(many.json?.formErrorCode(at: "components") == "BASE_TYPE_MAX_LENGTH")
            let long = try await client.send("POST", Self.path, json: Self.body([Self.display(String(repeating: "a", count: 2000)),
                                                                                  Self.display(String(repeating: "é", count: 2001))]))
            #expect(long.status == 400)
            #expect(long.json?.formErrorCode(at: "components") == "BASE_TYPE_MAX_LENGTH")
            let atLimit = try await client.send("POST", Self.path, json: Self.body([Self.display(String(repeating: "a", count: 4000))]))
            #expect(atLimit.status == 200)
            #expect(simulator.sentMessages(in: Self.channel).count == 1, "only the message within the limits exists")
        }
    }

    @Test("a message deleted in the client is gone: its edit is 404 Unknown Message")
    func deleted() async throws {
        try await RESTSimulatorFixture.withSimulator { simulator, client in
            let reply = try await client.send("POST", Self.path, json: Self.body([Self.display("board")]))
            let id = try #require(reply.json?["id"]?.stringValue)
            #expect(simulator.deleteMessage(id, in: Self.channel))
            #expect(!simulator.deleteMessage(id, in: Self.channel), "deleted once")
            #expect(simulator.message(id, in: Self.channel) == nil)
            let edit = try await client.send("PATCH", "\(Self.path)/\(id)", json: Self.body([Self.display("board, later")]))
            #expect(edit.status == 404)
            #expect(edit.json == ["message": "Unknown Message", "code": 10008])
        }
    }
}
