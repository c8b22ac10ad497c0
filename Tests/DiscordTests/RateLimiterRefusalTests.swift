import BotTesting
import Clocks
@testable import Discord
import Secrets
import Testing
import TestSupport

@Suite("Rate limiter: refusals") struct RateLimiterRefusalTests {
    @Test("past the invalid-request ceiling requests are refused until the window clears")
    func invalidRequestCeiling() async throws {
        let clock = ManualClock()
        let limiter = makeRateLimiter(clock: clock, configuration: RateLimitConfiguration(invalidRequestCeiling: 3))
        for channel in 0..<3 {
            let permit = try await limiter.acquire(TestRoutes.messages(channel: UInt64(channel)))
            await limiter.complete(permit, status: 403, headers: RateLimitHeaders())
            clock.advance(by: .seconds(1))
        }
        // Now t = 3 s; the first 403 (t = 0) leaves the window at 600 s.
        await #expect(throws: RateLimitError.tooManyInvalidRequests(retryAfter: .seconds(597))) {
            try await limiter.acquire(TestRoutes.messages(channel: 9))
        }
        await #expect(throws: RateLimitError.tooManyInvalidRequests(retryAfter: .seconds(597))) {
            try await limiter.acquire(TestRoutes.interactionCallback(1))
        }
        clock.advance(to: clock.instant(.seconds(600)))
        _ = try await limiter.acquire(TestRoutes.messages(channel: 9), maxWait: .zero)
        #expect(await limiter.invalidRequestCount() == 2)
    }

    @Test("the default ceiling is a tenth of Discord's 10,000 per 10 minutes")
    func defaultCeiling() {
        let configuration = RateLimitConfiguration()
        #expect(configuration.invalidRequestCeiling == 1_000)
        #expect(configuration.invalidRequestWindow == .seconds(600))
        #expect(configuration.globalLimit == 50)
        #expect(configuration.idleBucketExpiry == .seconds(300))
    }

    @Test("a 401 stops everything: waiting callers and every later request get unauthorized")
    func unauthorizedStopsEverything() async throws {
        let clock = ManualClock()
        let limiter = makeRateLimiter(clock: clock)
        let permit = try await limiter.acquire(TestRoutes.messages(channel: 1))
        async let waiting = limiter.acquire(TestRoutes.messages(channel: 1))
        try await eventually("one waiter", polling: .zero) { await limiter.waiterCount == 1 }

        await limiter.complete(permit, status: 401, headers: RateLimitHeaders())
        do {
            _ = try await waiting
            Issue.record("expected RateLimitError.unauthorized")
        } catch {
            #expect(error as? RateLimitError == RateLimitError.unauthorized)
        }
        await #expect(throws: RateLimitError.unauthorized) { try await limiter.acquire(TestRoutes.interactionCallback(1)) }
        clock.advance(by: .seconds(86_400))
        await #expect(throws: RateLimitError.unauthorized) { try await limiter.acquire(TestRoutes.messages(channel: 2)) }
    }

    @Test("a 401 for an expired interaction token is counted but does not stop the bot")
    func expiredInteractionTokenDoesNotStop() async throws {
        let clock = ManualClock()
        let limiter = makeRateLimiter(clock: clock)
        let followUp = RateLimitRoute(
            method: "POST", template: "webhooks/{application_id}/{interaction_token}",
            major: .webhook(10, token: .init("expired")), isInteraction: true)
        #expect(!followUp.usesBotToken)
        let permit = try await limiter.acquire(followUp)
        await limiter.complete(permit, status: 401, headers: RateLimitHeaders())
        #expect(await limiter.invalidRequestCount() == 1)
        _ = try await limiter.acquire(TestRoutes.messages(channel: 1), maxWait: .zero)
    }

    @Test("a wait longer than maxWait throws at once instead of sleeping")
    func cappedWaitThrows() async throws {
        let clock = ManualClock()
        let limiter = makeRateLimiter(clock: clock)
        let permit = try await limiter.acquire(TestRoutes.messages(channel: 1))
        await limiter.complete(permit, status: 200, headers: bucketHeaders(limit: 5, remaining: 0, resetAfter: .seconds(5)))

        await #expect(throws: RateLimitError.rateLimited(retryAfter: .seconds(5))) {
            try await limiter.acquire(TestRoutes.messages(channel: 1), maxWait: .seconds(3))
        }
        #expect(clock.sleeperCount == 0)
        #expect(clock.now == clock.instant(.zero))

        async let patient = limiter.acquire(TestRoutes.messages(channel: 1), maxWait: .seconds(5))
        try await eventually("one sleeper on the clock", polling: .zero) { clock.sleeperCount == 1 }
        clock.advance(by: .seconds(5))
        _ = try await patient
    }

    @Test("a caller stuck behind a request in flight gives up at its maxWait")
    func cappedWaitBehindInFlight() async throws {
        let clock = ManualClock()
        let limiter = makeRateLimiter(clock: clock)
        _ = try await limiter.acquire(TestRoutes.interactionCallback(1))          // never answered
        async let second = limiter.acquire(TestRoutes.interactionCallback(1), maxWait: .seconds(3))
        try await eventually("one sleeper on the clock", polling: .zero) { clock.sleeperCount == 1 }
        clock.advance(by: .seconds(3))
        do {
            _ = try await second
            Issue.record("expected RateLimitError.rateLimited(retryAfter: .zero)")
        } catch {
            #expect(error as? RateLimitError == RateLimitError.rateLimited(retryAfter: .zero))
        }
        #expect(await limiter.waiterCount == 0)
    }

    @Test("malformed headers are ignored and the limiter keeps working")
    func malformedHeadersIgnored() async throws {
        let clock = ManualClock()
        let limiter = makeRateLimiter(clock: clock)
        let garbage = RateLimitHeaders(headers: [
            "X-RateLimit-Limit": "many", "X-RateLimit-Remaining": "-3", "X-RateLimit-Reset-After": "nan",
            "X-RateLimit-Reset": "soon", "X-RateLimit-Scope": "??", "Retry-After": "inf", "Via": "1.1 google",
        ])
        let first = try await limiter.acquire(TestRoutes.messages(channel: 1))
        await limiter.complete(first, status: 200, headers: garbage)
        let second = try await limiter.acquire(TestRoutes.messages(channel: 1), maxWait: .zero)
        // A 429 with nothing usable waits the configured fallback, not forever and not zero.
        await limiter.complete(second, status: 429, headers: garbage)
        await #expect(throws: RateLimitError.rateLimited(retryAfter: .seconds(1))) {
            try await limiter.acquire(TestRoutes.messages(channel: 1), maxWait: .zero)
        }
        clock.advance(by: .seconds(1))
        _ = try await limiter.acquire(TestRoutes.messages(channel: 1), maxWait: .zero)
    }
}
