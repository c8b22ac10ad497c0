import Logging
import Postgres
import ServiceLifecycle

/// `/livez`, `/readyz`, `/healthz` and `/metrics` on `HEALTH_LISTEN` as a `Service`: the first to
/// start, so probes answer while the rest comes up, and the last to stop, so they answer while
/// the rest shuts down. A server that cannot listen throws `BotApplication.Failure`.
struct HealthService: Service, CustomStringConvertible {
    /// Starts the server and the pool of its database probe.
    let start: @Sendable () async throws -> (server: HealthServer, pool: PostgresPool)

    var description: String { "health server" }

    func run() async throws {
        let (server, pool) = try await start()
        try? await gracefulShutdown()
        await server.stop()
        await pool.close()
    }
}
