public import Clocks
/// Where IDENTIFY connections go: `DISCORD_GATEWAY_URL` when set, else `GET /gateway/bot`'s `url`,
/// kept for two minutes so reconnect storms do not become REST storms (docs/DISCORD.md#gateway-url).
public actor GatewayURLCache {
    private let override: String?
    private let fetch: @Sendable () async throws -> String
    private let lifetime: Duration
    private let clock: BotClock
    private var cached: (url: String, fetchedAt: Duration)?

    /// `fetch` is normally `{ try await client.gatewayBot().url }`.
    public init(override: String?, lifetime: Duration = .seconds(120), clock: BotClock = .system,
                fetch: @escaping @Sendable () async throws -> String) {
        self.override = override
        self.lifetime = lifetime
        self.clock = clock
        self.fetch = fetch
    }

    public func url() async throws -> String {
        if let override { return override }
        if let cached, clock.elapsed - cached.fetchedAt < lifetime { return cached.url }
        let url = try await fetch()
        cached = (url, clock.elapsed)
        return url
    }
}
