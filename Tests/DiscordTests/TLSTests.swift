import BotTesting
import Clocks
@testable import Discord
import DiscordSimulator
import Foundation
import HTTP
import Logging
import Secrets
import SimulatorSupport
import Testing
import TestSupport
import WebSocket

/// TLS as the bot meets it at Discord's edge: verification against a CA, and ALPN offering h2.
@Suite("TLS to Discord", .serialized)
struct TLSTests {
    let logger = Logger(label: "test.tls")

    @Test("HTTPS with the test CA reaches the REST simulator; without it, verification fails")
    func https() async throws {
        try await RESTSimulatorFixture.withSimulator(clock: .adjustable()) { simulator in
            let port = try #require(simulator.baseURL.port.map(UInt16.init))
            // The simulator speaks HTTP/1.1 only, so this front offers nothing else.
            let front = try await TLSFront.start(forwardingTo: port, offering: ["http/1.1"])
            defer { front.stop() }
            let request = HTTPRequest(
                url: "https://127.0.0.1:\(front.port)/api/v10/users/@me",
                headers: ["Authorization": "Bot \(RESTSimulatorFixture.token)", "User-Agent": "DiscordBot (lending-bot, 0.1.0)"]
            )
            let trusting = try HTTPClient(configuration: HTTPClientConfiguration(caFile: front.caFile), logger: logger)
            defer { trusting.shutdown() }
            #expect(try await trusting.send(request).status == 200)

            let strict = try HTTPClient(logger: logger)
            defer { strict.shutdown() }
            let error = await #expect(throws: HTTPError.self) { _ = try await strict.send(request) }
            #expect(error?.kind == .tls)
        }
    }

    @Test("the gateway over wss:// settles on HTTP/1.1 even when the edge prefers h2, and identifies")
    func gatewayOverTLS() async throws {
        try await GatewaySimulatorFixture.withSimulator { simulator in
            let port = try #require(simulator.gatewayURL.port.map(UInt16.init))
            let front = try await TLSFront.start(forwardingTo: port, offering: ["h2", "http/1.1"])
            defer { front.stop() }
            var configuration = GatewaySession.Configuration(token: Secret(GatewaySimulatorFixture.token)) { "wss://127.0.0.1:\(front.port)" }
            configuration.websocket.caFile = front.caFile
            let session = GatewaySession(configuration: configuration, logger: logger)
            let runner = Task { try await session.run() }
            var names: [String] = []
            for await dispatch in session.dispatches {
                names.append(dispatch.name)
                if dispatch.name == "READY" { break }
            }
            runner.cancel()
            _ = await runner.result
            #expect(names.contains("READY"))
            #expect(front.negotiatedProtocols() == ["http/1.1"])
        }
    }

    @Test("wss:// without the test CA is refused by certificate verification")
    func websocketVerification() async throws {
        try await GatewaySimulatorFixture.withSimulator { simulator in
            let port = try #require(simulator.gatewayURL.port.map(UInt16.init))
            let front = try await TLSFront.start(forwardingTo: port)
            defer { front.stop() }
            let url = try #require(URL(string: "wss://127.0.0.1:\(front.port)/?v=10&encoding=json"))
            let error = await #expect(throws: WebSocketError.self) { _ = try await WebSocketClient.connect(to: url, logger: logger) }
            #expect(error?.kind == .transport)
            #expect(simulator.connections.isEmpty, "nothing reached the simulator")
        }
    }
}

@Suite("Finding the gateway")
struct GatewayURLCacheTests {
    actor Counter {
        private(set) var value = 0
        func increment() { value += 1 }
    }

    @Test("DISCORD_GATEWAY_URL wins; otherwise GET /gateway/bot is asked once per lifetime")
    func caching() async throws {
        let calls = Counter()
        let overridden = GatewayURLCache(override: "wss://override.example") { await calls.increment(); return "wss://fetched.example" }
        #expect(try await overridden.url() == "wss://override.example")
        #expect(await calls.value == 0)

        let clock = ManualClock()
        let fetched = GatewayURLCache(override: nil, lifetime: .seconds(120), clock: BotClock(clock)) {
            await calls.increment()
            return "wss://fetched.example"
        }
        #expect(try await fetched.url() == "wss://fetched.example")
        clock.advance(by: .seconds(119))
        #expect(try await fetched.url() == "wss://fetched.example")
        #expect(await calls.value == 1)
        clock.advance(by: .seconds(1))
        _ = try await fetched.url()
        #expect(await calls.value == 2)
    }

    @Test("the REST client's /gateway/bot feeds the cache")
    func fromREST() async throws {
        try await DiscordClientTests.withClient { client, simulator in
            let cache = GatewayURLCache(override: nil) { try await client.gatewayBot().url }
            let url = try await cache.url()
            #expect(url == simulator.configuration.gatewayURL)
        }
    }
}
