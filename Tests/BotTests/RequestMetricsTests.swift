import Discord
import DiscordSimulator
import Foundation
import HTTP
import LendingBot
import Logging
import PanelSimulator
import Pterodactyl
import Secrets
import Testing

/// Discord and panel calls counted in `/metrics` through the clients' observers, with 429s
/// that the simulators really sent.
@Suite("Request metrics")
struct RequestMetricsTests {
    static let logger = Logger(label: "test.metrics")

    @Test("Discord calls by resource and status: a shared 429 waited out counts as a 429 and a 2xx; a 404 as 4xx")
    func discordCalls() async throws {
        let rest = DiscordRESTSimulator()
        try await rest.start()
        defer { Task { await rest.stop() } }
        let http = try HTTPClient(logger: Self.logger)
        defer { http.shutdown() }
        let metrics = BotMetrics()
        var configuration = DiscordClient.Configuration(token: Secret(rest.configuration.botToken), baseURL: rest.baseURL.absoluteString)
        configuration.observer = metrics
        let discord = DiscordClient(configuration: configuration, transport: http, limiter: RateLimiter(clock: ContinuousClock(), logger: Self.logger),
                                    logger: Self.logger)

        rest.injectFault(.sharedRateLimit(retryAfter: 0.05), on: .getCurrentUser)
        _ = try await discord.currentUser()
        await #expect(throws: DiscordError.self) { try await discord.guild(GuildID(1200000000000000999)) }

        #expect(rest.requests(to: .getCurrentUser).map(\.status) == [429, 200])
        #expect(metrics.count("lendingbot_discord_requests_total", ["resource": "users", "method": "GET", "status": "429"]) == 1)
        #expect(metrics.count("lendingbot_discord_requests_total", ["resource": "users", "method": "GET", "status": "2xx"]) == 1)
        #expect(metrics.count("lendingbot_discord_requests_total", ["resource": "guilds", "method": "GET", "status": "4xx"]) == 1)
        let text = metrics.render()
        #expect(text.contains(#"lendingbot_discord_requests_total{method="GET",resource="users",status="429"} 1"#))
        #expect(!text.contains("1200000000000000999"), "an id leaked into a label")
        #expect(!text.contains(rest.configuration.botToken))
    }

    @Test("panel calls by API and status: the panel's own 429 is counted; an unreachable panel counts as error")
    func panelCalls() async throws {
        var simulated = PanelSimulator.Configuration()
        simulated.applicationRateLimit = 1
        let panel = PanelSimulator(configuration: simulated)
        try await panel.start()
        defer { Task { await panel.stop() } }
        let http = try HTTPClient(logger: Self.logger)
        defer { http.shutdown() }
        let metrics = BotMetrics()
        var configuration = PanelConfiguration(baseURL: panel.baseURL, applicationKey: Secret(SimulatedAPIKey.application.token),
                                               clientKey: Secret(SimulatedAPIKey.adminClient.token))
        configuration.observer = metrics
        configuration.maxRateLimitWait = .zero
        let client = try PanelClient(configuration: configuration, transport: http, logger: Self.logger)

        _ = try await client.findUser(email: "nobody@kpw.local")
        await #expect(throws: PanelError.self) { _ = try await client.findUser(email: "nobody@kpw.local") }
        _ = try await client.server("1a2b3c4d")

        #expect(metrics.count("lendingbot_panel_requests_total", ["api": "application", "method": "GET", "status": "2xx"]) == 1)
        #expect(metrics.count("lendingbot_panel_requests_total", ["api": "application", "method": "GET", "status": "429"]) == 1)
        #expect(metrics.count("lendingbot_panel_requests_total", ["api": "client", "method": "GET", "status": "2xx"]) == 1)

        var unreachable = PanelConfiguration(baseURL: "http://127.0.0.1:1", applicationKey: Secret(SimulatedAPIKey.application.token),
                                             clientKey: Secret(SimulatedAPIKey.adminClient.token))
        unreachable.observer = metrics
        unreachable.maxAttempts = 1
        let offline = try PanelClient(configuration: unreachable, transport: http, logger: Self.logger)
        await #expect(throws: PanelError.self) { _ = try await offline.server("1a2b3c4d") }
        #expect(metrics.count("lendingbot_panel_requests_total", ["api": "client", "method": "GET", "status": "error"]) == 1)
        #expect(!metrics.render().contains(SimulatedAPIKey.application.token))
    }

    @Test("status classes keep the label small", arguments: [(200, "2xx"), (204, "2xx"), (304, "3xx"), (404, "4xx"), (429, "429"), (503, "5xx")])
    func statusClasses(status: Int, label: String) {
        let metrics = BotMetrics()
        metrics.discordRequestFinished(method: "GET", resource: "guilds", status: status, duration: .milliseconds(20))
        #expect(metrics.count("lendingbot_discord_requests_total", ["resource": "guilds", "method": "GET", "status": label]) == 1)
    }

    @Test("gateway reconnects by plan")
    func reconnects() {
        let metrics = BotMetrics()
        metrics.gatewayReconnecting(resuming: true)
        metrics.gatewayReconnecting(resuming: true)
        metrics.gatewayReconnecting(resuming: false)
        #expect(metrics.render().contains(#"lendingbot_gateway_reconnects_total{plan="resume"} 2"#))
        #expect(metrics.render().contains(#"lendingbot_gateway_reconnects_total{plan="identify"} 1"#))
    }
}
