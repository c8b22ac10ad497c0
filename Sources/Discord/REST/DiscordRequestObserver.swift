/// Told of every attempt `DiscordClient` sends: the route's method and resource, and the status
/// Discord answered (nil when no answer came: DNS, connect, TLS, timeout, reset), and how long the
/// attempt took from sending to its answer or failure (rate-limit waits before it not included).
/// A 429 that the client then waits out and repeats is reported too, so rate limits stay visible.
///
/// Called on the request's task; implementations must be quick and must not call Discord.
public protocol DiscordRequestObserver: Sendable {
    func discordRequestFinished(method: String, resource: String, status: Int?, duration: Duration)
}
