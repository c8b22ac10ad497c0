import BotTesting
import Clocks
@testable import Discord
import Logging
import Secrets
import Testing
import TestSupport

/// A limiter on a manual clock that logs nowhere.
func makeRateLimiter(
    clock: ManualClock,
    configuration: RateLimitConfiguration = RateLimitConfiguration(),
    logger: Logger = Logger(label: "test.ratelimit", factory: { _ in SwiftLogNoOpLogHandler() })
) -> RateLimiter<ManualClock> {
    RateLimiter(clock: clock, configuration: configuration, logger: logger)
}

/// Routes the tests use. `messages` and `pins` share Discord's bucket hash in these tests.
enum TestRoutes {
    static func messages(channel: UInt64) -> RateLimitRoute {
        RateLimitRoute(method: "POST", template: "channels/{channel_id}/messages", major: .channel(channel))
    }
    static func pins(channel: UInt64) -> RateLimitRoute {
        RateLimitRoute(method: "GET", template: "channels/{channel_id}/pins", major: .channel(channel))
    }
    static func interactionCallback(_ id: UInt64) -> RateLimitRoute {
        RateLimitRoute(method: "POST", template: "interactions/{interaction_id}/{interaction_token}/callback",
                       major: .interaction(id, token: .init("token-\(id)")))
    }
}

/// Headers of a successful answer in a bucket.
func bucketHeaders(_ hash: String? = "abc", limit: Int, remaining: Int, resetAfter: Duration) -> RateLimitHeaders {
    RateLimitHeaders(limit: limit, remaining: remaining, resetAfter: resetAfter, bucket: hash)
}

/// Headers of a Discord 429 (it has `Via` and a JSON body).
func tooManyRequests(retryAfter: Duration, scope: RateLimitHeaders.Scope?, global: Bool = false, hash: String? = "abc") -> RateLimitHeaders {
    RateLimitHeaders(bucket: hash, isGlobal: global, scope: scope, retryAfter: retryAfter)
}

/// Runs a limiter's clock the way real time would pass, until `isDone`: whenever every permit has
/// been answered and a waiter sleeps until a reset within `horizon`, moves time to that instant.
/// The horizon keeps it from jumping to the 60 s permit-lease wake-up that a waiter holds for an
/// instant while the answer it waited for is still being delivered.
func runClock(
    _ clock: ManualClock, of limiter: RateLimiter<ManualClock>, horizon: Duration,
    until isDone: () async -> Bool
) async throws {
    while await !isDone() {
        try await eventually("the limiter to settle or sleep within the horizon", polling: .zero) {
            if await isDone() { return true }
            guard let next = clock.nextDeadline, next <= clock.now.advanced(by: horizon) else { return false }
            return await limiter.inFlightCount == 0
        }
        if let next = clock.nextDeadline, next <= clock.now.advanced(by: horizon) { clock.advance(to: next) }
    }
}
