import BotTesting
import DiscordSimulator
import Foundation
import SimulatorSupport
import Testing

@Suite("REST simulator rejects what Discord rejects") struct RESTSimulatorRejectionTests {
    @Test("a request without a token gets 401 with code 0") func missingToken() async throws {
        try await RESTSimulatorFixture.withSimulator { simulator, client in
            var anonymous = client
            anonymous.token = nil
            let reply = try await anonymous.send("GET", "/users/@me")
            #expect(reply.status == 401)
            #expect(reply.json == ["message": "401: Unauthorized", "code": 0])
            #expect(simulator.invalidRequestCounts[401] == 1)
        }
    }

    @Test("a wrong token gets 401") func wrongToken() async throws {
        try await RESTSimulatorFixture.withSimulator { simulator, client in
            var stale = client
            stale.token = "an.old.token"
            let reply = try await stale.send("POST", "/channels/\(RESTSimulatorFixture.channelID)/messages", json: ["content": "hi"])
            #expect(reply.status == 401)
            #expect(simulator.sentMessages(in: RESTSimulatorFixture.channelID).isEmpty)
        }
    }

    @Test("a request without a DiscordBot user agent gets Cloudflare's HTML 403 without Via") func missingUserAgent() async throws {
        try await RESTSimulatorFixture.withSimulator { simulator, client in
            var browser = client
            browser.userAgent = "Mozilla/5.0"
            let reply = try await browser.send("GET", "/users/@me")
            #expect(reply.status == 403)
            #expect(reply.header("content-type")?.hasPrefix("text/html") == true)
            #expect(reply.header("via") == nil)
            #expect(reply.json == nil)

            var defaultAgent = client
            defaultAgent.userAgent = nil
            #expect(try await defaultAgent.send("GET", "/users/@me").status == 403)
        }
    }

    @Test("a body that is not JSON gets 400 50109") func invalidJSON() async throws {
        try await RESTSimulatorFixture.withSimulator { simulator, client in
            let reply = try await client.send("POST", "/channels/\(RESTSimulatorFixture.channelID)/messages", rawBody: Data("{\"content\": ".utf8))
            #expect(reply.status == 400)
            #expect(reply.json == ["code": 50109, "message": "The request body contains invalid JSON."])
        }
    }

    @Test("a body not declared as JSON gets 400 CONTENT_TYPE_INVALID") func wrongContentType() async throws {
        try await RESTSimulatorFixture.withSimulator { simulator, client in
            let reply = try await client.send("POST", "/channels/\(RESTSimulatorFixture.channelID)/messages",
                                              rawBody: Data("{\"content\": \"hi\"}".utf8), contentType: "text/plain")
            #expect(reply.status == 400)
            #expect(reply.json?["code"] == 50035)
            #expect(reply.json?["errors"]?["_errors"]?[0]?["code"] == "CONTENT_TYPE_INVALID")
        }
    }

    @Test("an unknown route gets 404 and a wrong method 405, both with code 0") func unknownRoute() async throws {
        try await RESTSimulatorFixture.withSimulator { simulator, client in
            let missing = try await client.send("GET", "/channels/\(RESTSimulatorFixture.channelID)/pins/everything")
            #expect(missing.status == 404)
            #expect(missing.json == ["message": "404: Not Found", "code": 0])
            let wrongMethod = try await client.send("DELETE", "/users/@me")
            #expect(wrongMethod.status == 405)
            #expect(simulator.requests.map(\.route) == [nil, nil])
        }
    }
}
