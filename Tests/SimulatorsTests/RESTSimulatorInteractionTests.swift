import BotTesting
import Clocks
import DiscordSimulator
import Foundation
import SimulatorSupport
import Synchronization
import Testing

/// What a callback observer saw; the observer runs on the simulator's request threads.
private final class SeenCallbacks: Sendable {
    let list = Mutex<[AcceptedCallback]>([])
}

@Suite("REST simulator interaction deadlines and callbacks") struct RESTSimulatorInteractionTests {
    static let interactionID = "1600000000000000001"
    static let token = "aW50ZXJhY3Rpb24tdG9rZW4"
    let callback = "/interactions/\(interactionID)/\(token)/callback"
    let original = "/webhooks/1100000000000000001/\(token)/messages/@original"
    let followUp = "/webhooks/1100000000000000001/\(token)"

    /// Interaction routes take no bot token; the client sends none, as the bot should not need one.
    func register(_ simulator: DiscordRESTSimulator, type: SimulatedInteractionType = .applicationCommand) {
        simulator.registerInteraction(id: Self.interactionID, token: Self.token, type: type, channelID: RESTSimulatorFixture.channelID)
    }

    @Test("a callback within 3 s gets 204 and is recorded") func timelyCallback() async throws {
        try await RESTSimulatorFixture.withSimulator { simulator, client in
            register(simulator)
            simulator.advance(by: .milliseconds(2900))
            var anonymous = client
            anonymous.token = nil
            let reply = try await anonymous.send("POST", callback, json: ["type": 4, "data": ["content": "Request received", "flags": 64]])
            #expect(reply.status == 204)
            let responses = simulator.interactionResponses(for: Self.interactionID)
            #expect(responses.map(\.kind) == [.callback(type: 4)])
            #expect(responses.first?.body?["data"]?["content"] == "Request received")
            #expect(simulator.originalResponse(for: Self.interactionID)?["flags"] == 64)
            #expect(simulator.requests(to: .createInteractionResponse).first?.template == "/interactions/{interaction_id}/{interaction_token}/callback")
        }
    }

    @Test("with_response=1 is read as true, as Discord reads boolean query strings") func withResponseOne() async throws {
        try await RESTSimulatorFixture.withSimulator { simulator, client in
            register(simulator)
            let reply = try await client.send("POST", callback + "?with_response=1", json: ["type": 4, "data": ["content": "Hi", "flags": 64]])
            #expect(reply.status == 200)
            #expect(reply.json?["interaction"]?["response_message_ephemeral"] == true)
        }
    }

    @Test("a callback passes with a library's default user agent, as discord.py's webhook client sends; a bot route does not") func callbackUserAgent() async throws {
        try await RESTSimulatorFixture.withSimulator { simulator, client in
            register(simulator)
            var aiohttp = client
            aiohttp.userAgent = "Python/3.11 aiohttp/3.14.5"
            let answered = try await aiohttp.send("POST", callback, json: ["type": 4, "data": ["content": "Hi"]])
            #expect(answered.status == 204)
            let botRoute = try await aiohttp.send("GET", "/users/@me")
            #expect(botRoute.status == 403)
        }
    }

    @Test("a callback observer sees each accepted callback once, with its type and body, and no refused one") func callbackObserver() async throws {
        try await RESTSimulatorFixture.withSimulator { simulator, client in
            let seen = SeenCallbacks()
            simulator.observeCallbacks { callback in seen.list.withLock { $0.append(callback) } }
            register(simulator)
            let invalid = try await client.send("POST", callback, json: ["type": 9])
            #expect(invalid.status == 400)
            let answered = try await client.send("POST", callback, json: ["type": 4, "data": ["content": "Hi"]])
            #expect(answered.status == 204)
            let again = try await client.send("POST", callback, json: ["type": 4, "data": ["content": "Again"]])
            #expect(again.status == 400)
            let accepted = seen.list.withLock { $0 }
            #expect(accepted.map(\.interactionID) == [Self.interactionID])
            #expect(accepted.first?.type == 4)
            #expect(accepted.first?.body?["data"]?["content"] == "Hi")
        }
    }

    @Test("a callback after 3 s gets 404 10062 Unknown interaction") func lateCallback() async throws {
        try await RESTSimulatorFixture.withSimulator { simulator, client in
            register(simulator)
            simulator.advance(by: .milliseconds(3100))
            let reply = try await client.send("POST", callback, json: ["type": 5])
            #expect(reply.status == 404)
            #expect(reply.json == ["message": "Unknown interaction", "code": 10062])
            #expect(simulator.interactionResponses(for: Self.interactionID).isEmpty)
        }
    }

    @Test("with a deadline clock of its own, the 3 s are judged on it alone: real time and the rate-limit clock do not count")
    func separateDeadlineClock() async throws {
        let deadlines = BotClock.manual()
        try await RESTSimulatorFixture.withSimulator(clock: .manual(), deadlineClock: deadlines) { simulator, client in
            register(simulator)
            // Time moved on the main clock only (rate-limit windows, timestamps): still answerable.
            simulator.clock.advance(by: .seconds(60))
            deadlines.advance(by: .milliseconds(2900))
            let timely = try await client.send("POST", callback, json: ["type": 5])
            #expect(timely.status == 204)
        }
        try await RESTSimulatorFixture.withSimulator(clock: .manual(), deadlineClock: BotClock.manual()) { simulator, client in
            register(simulator)
            // `advance(by:)` moves both clocks, so a test of the deadline steps past it as before.
            simulator.advance(by: .milliseconds(3100))
            let late = try await client.send("POST", callback, json: ["type": 5])
            #expect(late.status == 404)
            #expect(late.json?["code"] == 10062)
        }
    }

    @Test("a second callback gets 400 40060") func secondCallback() async throws {
        try await RESTSimulatorFixture.withSimulator { simulator, client in
            register(simulator)
            #expect(try await client.send("POST", callback, json: ["type": 5]).status == 204)
            let reply = try await client.send("POST", callback, json: ["type": 4, "data": ["content": "again"]])
            #expect(reply.status == 400)
            #expect(reply.json == ["message": "Interaction has already been acknowledged.", "code": 40060])
        }
    }

    @Test("an unknown interaction id or token gets 404 10062") func unknownInteraction() async throws {
        try await RESTSimulatorFixture.withSimulator { simulator, client in
            register(simulator)
            let wrongToken = try await client.send("POST", "/interactions/\(Self.interactionID)/not-the-token/callback", json: ["type": 5])
            #expect(wrongToken.json?["code"] == 10062)
            let wrongID = try await client.send("POST", "/interactions/1/\(Self.token)/callback", json: ["type": 5])
            #expect(wrongID.json?["code"] == 10062)
        }
    }

    @Test("callback types that do not fit the interaction get 400 naming type", arguments: [
        (SimulatedInteractionType.applicationCommand, 6), (.applicationCommand, 7), (.applicationCommand, 8), (.modalSubmit, 9),
        (.autocomplete, 4), (.autocomplete, 5), (.messageComponent, 8), (.applicationCommand, 1), (.applicationCommand, 3),
    ])
    func mismatchedCallback(interaction: SimulatedInteractionType, callbackType: Int) async throws {
        try await RESTSimulatorFixture.withSimulator { simulator, client in
            register(simulator, type: interaction)
            let reply = try await client.send("POST", callback, json: ["type": .integer(Int64(callbackType)), "data": ["content": "x"]])
            #expect(reply.status == 400)
            #expect(reply.json?["code"] == 50035)
            #expect(reply.json?.formErrorCode(at: "type") != nil)
            // A refused callback does not acknowledge: the right one still works.
            let right: Int64 = interaction == .autocomplete ? 8 : 5
            #expect(try await client.send("POST", callback, json: ["type": .integer(right), "data": ["choices": []]]).status == 204)
        }
    }

    @Test("callbacks that fit the interaction are accepted", arguments: [
        (SimulatedInteractionType.messageComponent, 6), (.messageComponent, 7), (.autocomplete, 8), (.applicationCommand, 9), (.modalSubmit, 4),
    ])
    func fittingCallback(interaction: SimulatedInteractionType, callbackType: Int) async throws {
        try await RESTSimulatorFixture.withSimulator { simulator, client in
            register(simulator, type: interaction)
            let data: SimulatorJSON = switch callbackType {
            case 8: ["choices": [["name": "Server 1", "value": "1"]]]
            case 9: ["custom_id": "reason", "title": "Why?", "components": [["type": 18, "label": "Reason", "component": ["type": 4, "custom_id": "r", "style": 2]]]]
            default: ["content": "ok"]
            }
            let reply = try await client.send("POST", callback, json: ["type": .integer(Int64(callbackType)), "data": data])
            #expect(reply.status == 204)
        }
    }

    @Test("callback message data is held to message limits under data") func callbackDataLimits() async throws {
        try await RESTSimulatorFixture.withSimulator { simulator, client in
            register(simulator)
            let reply = try await client.send("POST", callback, json: ["type": 4, "data": ["content": .string(String(repeating: "a", count: 2001))]])
            #expect(reply.json?.formErrorCode(at: "data", "content") == "BASE_TYPE_MAX_LENGTH")
        }
    }

    @Test("@original is 10008 before the callback, then follows the deferred response") func originalAfterDefer() async throws {
        try await RESTSimulatorFixture.withSimulator { simulator, client in
            register(simulator)
            let before = try await client.send("GET", original)
            #expect(before.status == 404)
            #expect(before.json == ["message": "Unknown Message", "code": 10008])

            #expect(try await client.send("POST", callback + "?with_response=true", json: ["type": 5, "data": ["flags": 64]]).json?["interaction"]?["response_message_loading"] == true)
            simulator.advance(by: .seconds(60))
            let edited = try await client.send("PATCH", original, json: ["content": "Approved: server 3"])
            #expect(edited.status == 200)
            #expect(edited.json?["content"] == "Approved: server 3")
            #expect(edited.json?["flags"] == 64)
            #expect(simulator.originalResponse(for: Self.interactionID)?["content"] == "Approved: server 3")

            #expect(try await client.send("DELETE", original).status == 204)
            #expect(try await client.send("GET", original).status == 404)
        }
    }

    @Test("the first follow-up after a defer completes the original; later ones are new messages") func followUps() async throws {
        try await RESTSimulatorFixture.withSimulator { simulator, client in
            register(simulator)
            #expect(try await client.send("POST", followUp, json: ["content": "too early"]).json?["code"] == 10015)
            _ = try await client.send("POST", callback, json: ["type": 5])
            let first = try await client.send("POST", followUp, json: ["content": "done"])
            #expect(first.json?["id"] == simulator.originalResponse(for: Self.interactionID)?["id"])
            let second = try await client.send("POST", followUp, json: ["content": "one more thing"])
            #expect(second.status == 200)
            #expect(simulator.followUps(for: Self.interactionID).map { $0["content"] } == ["one more thing"])
            let id = try #require(second.json?["id"]?.stringValue)
            let path = "/webhooks/1100000000000000001/\(Self.token)/messages/\(id)"
            #expect(try await client.send("PATCH", path, json: ["content": "edited"]).json?["content"] == "edited")
            #expect(simulator.interactionResponses(for: Self.interactionID).map(\.kind) == [
                .callback(type: 5), .followUp, .followUp, .editFollowUp(messageID: id),
            ])
        }
    }

    @Test("after 15 minutes the token is dead: follow-ups and edits get 401 50027") func expiredToken() async throws {
        try await RESTSimulatorFixture.withSimulator { simulator, client in
            register(simulator)
            _ = try await client.send("POST", callback, json: ["type": 4, "data": ["content": "Request received"]])
            simulator.advance(by: .seconds(15 * 60 + 1))
            let reply = try await client.send("POST", followUp, json: ["content": "Your server is ready"])
            #expect(reply.status == 401)
            #expect(reply.json == ["message": "Invalid Webhook Token", "code": 50027])
            #expect(try await client.send("PATCH", original, json: ["content": "late"]).json?["code"] == 50027)
            #expect(simulator.followUps(for: Self.interactionID).isEmpty)
        }
    }
}
