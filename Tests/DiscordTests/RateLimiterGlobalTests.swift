import BotTesting
import Clocks
@testable import Discord
import Testing
import TestSupport

@Suite("Rate limiter: global limit") struct RateLimiterGlobalTests {
    @Test("the 51st request in a second waits for the next second; interaction callbacks pass")
    func fiftyPerSecond() async throws {
        let clock = ManualClock()
        let limiter = makeRateLimiter(clock: clock)
        for channel in 0..<50 {
            _ = try await limiter.acquire(TestRoutes.messages(channel: UInt64(channel)), maxWait: .zero)
        }
        await #expect(throws: RateLimitError.rateLimited(retryAfter: .seconds(1))) {
            try await limiter.acquire(TestRoutes.messages(channel: 50), maxWait: .milliseconds(999))
        }
        async let fiftyFirst = limiter.acquire(TestRoutes.messages(channel: 50))
        try await eventually("one sleeper on the clock", polling: .zero) { clock.sleeperCount == 1 }
        #expect(clock.nextDeadline == clock.instant(.seconds(1)))
        for interaction in 0..<10 {
            _ = try await limiter.acquire(TestRoutes.interactionCallback(UInt64(interaction)), maxWait: .zero)
        }
        clock.advance(by: .milliseconds(999))
        #expect(await limiter.waiterCount == 1)
        clock.advance(by: .milliseconds(1))
        _ = try await fiftyFirst
        #expect(clock.now == clock.instant(.seconds(1)))
    }

    @Test("a global 429 pauses every non-interaction route for retry_after")
    func global429() async throws {
        let clock = ManualClock()
        let limiter = makeRateLimiter(clock: clock)
        let permit = try await limiter.acquire(TestRoutes.messages(channel: 1))
        await limiter.complete(permit, status: 429, headers: tooManyRequests(retryAfter: .seconds(2), scope: .global, global: true))

        await #expect(throws: RateLimitError.rateLimited(retryAfter: .seconds(2))) {
            try await limiter.acquire(TestRoutes.pins(channel: 99), maxWait: .seconds(1))
        }
        _ = try await limiter.acquire(TestRoutes.interactionCallback(1), maxWait: .zero)
        async let other = limiter.acquire(TestRoutes.pins(channel: 99))
        try await eventually("one sleeper on the clock", polling: .zero) { clock.sleeperCount == 1 }
        #expect(clock.nextDeadline == clock.instant(.seconds(2)))
        clock.advance(by: .seconds(2))
        _ = try await other
        #expect(await limiter.invalidRequestCount() == 1)
    }

    @Test("X-RateLimit-Global alone, without a scope, is a global 429")
    func globalHeaderWithoutScope() async throws {
        let clock = ManualClock()
        let limiter = makeRateLimiter(clock: clock)
        let permit = try await limiter.acquire(TestRoutes.messages(channel: 1))
        let headers = RateLimitHeaders(headers: ["X-RateLimit-Global": "true", "Retry-After": "3", "Via": "1.1 google"])
        await limiter.complete(permit, status: 429, headers: headers)
        await #expect(throws: RateLimitError.rateLimited(retryAfter: .seconds(3))) {
            try await limiter.acquire(TestRoutes.messages(channel: 2), maxWait: .zero)
        }
    }
}
