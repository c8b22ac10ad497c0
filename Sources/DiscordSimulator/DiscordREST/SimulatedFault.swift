/// A failure the next request to a route meets, queued by the test with `injectFault(_:on:)`.
///
/// Faults model what sits between the bot and Discord's application servers (the edge, the network)
/// and are consumed in order, one per request. Whether the request takes effect differs per case and
/// matters for retry logic: a 5xx or a 429 did nothing, a slow or cut response did the work.
public enum SimulatedFault: Sendable, Hashable {
    /// Answer `status` (500, 502, 503, 504...) without acting on the request. Discord's own 500s
    /// are JSON; 502/504 from the edge are usually Cloudflare HTML.
    case status(Int, body: FaultBody)
    /// Act on the request, then answer only after `delay` of real time (for client timeouts).
    case slowResponse(delay: Duration)
    /// Act on the request, send the headers with the full `Content-Length`, send `afterBytes` bytes
    /// of the body, then close the connection. Has no effect on responses without a body (204).
    case resetMidBody(afterBytes: Int)
    /// A 429 with `X-RateLimit-Scope: shared`: a per-resource limit that Discord does not count
    /// against the bot (docs/DISCORD.md#429-answers). The request does nothing.
    case sharedRateLimit(retryAfter: Double)
    /// A Cloudflare ban: 429 with an HTML body ("error code: 1015") and no `Via` header, which a
    /// client must treat as "stop" rather than "wait and retry" (docs/DISCORD.md#429-answers).
    case cloudflareBan(retryAfter: Int)

    public enum FaultBody: Sendable, Hashable {
        case json
        case html
    }
}
