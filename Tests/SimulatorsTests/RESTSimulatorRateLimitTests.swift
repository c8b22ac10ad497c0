import BotTesting
import DiscordSimulator
import Foundation
import SimulatorSupport
import Testing

@Suite("REST simulator rate limits") struct RESTSimulatorRateLimitTests {
    let path = "/channels/\(RESTSimulatorFixture.channelID)/messages"

    @Test("bucket headers count down and the 6th message in 5 s gets a 429 with retry_after and Via") func bucket() async throws {
        try await RESTSimulatorFixture.withSimulator { simulator, client in
            var buckets = Set<String>()
            for (sent, expectedRemaining) in (0..<5).reversed().enumerated() {
                let reply = try await client.send("POST", path, json: ["content": "hi"])
                #expect(reply.status == 200)
                #expect(reply.header("X-RateLimit-Limit") == "5")
                #expect(reply.header("X-RateLimit-Remaining") == String(expectedRemaining))
                // The window opened with the first request; each later one is 100 ms further in.
                #expect(reply.header("X-RateLimit-Reset-After") == String(format: "%.3f", 5.0 - 0.1 * Double(sent)))
                #expect(reply.header("X-RateLimit-Reset") == "1767225605.000")
                #expect(reply.header("Via") == "1.1 google")
                buckets.insert(try #require(reply.header("X-RateLimit-Bucket")))
                simulator.advance(by: .milliseconds(100))
            }
            #expect(buckets.count == 1)
            let limited = try await client.send("POST", path, json: ["content": "hi"])
            #expect(limited.status == 429)
            #expect(limited.json?["message"] == "You are being rate limited.")
            #expect(limited.json?["global"] == false)
            #expect(limited.json?["retry_after"]?.doubleValue == 4.5)
            #expect(limited.header("Retry-After") == "5")
            #expect(limited.header("X-RateLimit-Scope") == "user")
            #expect(limited.header("X-RateLimit-Remaining") == "0")
            #expect(limited.header("Via") == "1.1 google")
            #expect(simulator.sentMessages(in: RESTSimulatorFixture.channelID).count == 5)
            #expect(simulator.invalidRequestCounts[429] == 1)

            simulator.advance(by: .milliseconds(4500))
            let afterReset = try await client.send("POST", path, json: ["content": "hi"])
            #expect(afterReset.status == 200)
            #expect(afterReset.header("X-RateLimit-Remaining") == "4")
        }
    }

    @Test("buckets are per channel but share one hash") func perChannel() async throws {
        try await RESTSimulatorFixture.withSimulator { simulator, client in
            let first = try await client.send("POST", path, json: ["content": "hi"])
            for _ in 0..<4 { _ = try await client.send("POST", path, json: ["content": "hi"]) }
            #expect(try await client.send("POST", path, json: ["content": "hi"]).status == 429)
            let other = try await client.send("POST", "/channels/\(RESTSimulatorFixture.otherChannelID)/messages", json: ["content": "hi"])
            #expect(other.status == 200)
            #expect(other.header("X-RateLimit-Remaining") == "4")
            #expect(other.header("X-RateLimit-Bucket") == first.header("X-RateLimit-Bucket"))
            #expect(simulator.sentMessages(in: RESTSimulatorFixture.otherChannelID).count == 1)
        }
    }

    @Test("role changes are limited per guild with their own rule") func rolesBucket() async throws {
        try await RESTSimulatorFixture.withSimulator { simulator, client in
            let rolePath = "/guilds/1200000000000000001/members/\(RESTSimulatorFixture.aliceID)/roles/\(RESTSimulatorFixture.lenderRoleID)"
            for _ in 0..<5 { #expect(try await client.send("PUT", rolePath).status == 204) }
            let limited = try await client.send("PUT", rolePath)
            #expect(limited.status == 429)
            #expect(limited.header("Retry-After") == "1")
        }
    }

    @Test("the 51st bot request in a second hits the global limit; interaction routes do not count") func globalLimit() async throws {
        try await RESTSimulatorFixture.withSimulator { simulator, client in
            simulator.setRateLimit(RateLimitRule(limit: 1000, window: .seconds(1)), for: .getCurrentUser)
            for _ in 0..<50 { #expect(try await client.send("GET", "/users/@me").status == 200) }
            let limited = try await client.send("GET", "/users/@me")
            #expect(limited.status == 429)
            #expect(limited.json?["global"] == true)
            #expect(limited.header("X-RateLimit-Global") == "true")
            #expect(limited.header("X-RateLimit-Scope") == "global")
            #expect(limited.header("Via") == "1.1 google")
            #expect(limited.header("Retry-After") == "1")

            simulator.registerInteraction(id: "1", token: "t", type: .applicationCommand)
            #expect(try await client.send("POST", "/interactions/1/t/callback", json: ["type": 5]).status == 204)
            simulator.advance(by: .seconds(1))
            #expect(try await client.send("GET", "/users/@me").status == 200)
        }
    }

    @Test("a shared-scope 429 is not an invalid request; a Cloudflare 429 is HTML without Via") func sharedAndCloudflare() async throws {
        try await RESTSimulatorFixture.withSimulator { simulator, client in
            simulator.injectFault(.sharedRateLimit(retryAfter: 2.5), on: .createMessage)
            simulator.injectFault(.cloudflareBan(retryAfter: 600), on: .createMessage)
            let shared = try await client.send("POST", path, json: ["content": "hi"])
            #expect(shared.status == 429)
            #expect(shared.header("X-RateLimit-Scope") == "shared")
            #expect(shared.json?["retry_after"]?.doubleValue == 2.5)
            #expect(shared.header("Retry-After") == "3")
            #expect(simulator.invalidRequestCount == 0)

            let banned = try await client.send("POST", path, json: ["content": "hi"])
            #expect(banned.status == 429)
            #expect(banned.header("Via") == nil)
            #expect(banned.header("X-RateLimit-Bucket") == nil)
            #expect(banned.json == nil)
            #expect(String(decoding: banned.body, as: UTF8.self).contains("1015"))
            #expect(simulator.sentMessages(in: RESTSimulatorFixture.channelID).isEmpty)
        }
    }
}
