import BotTesting
import Clocks
@testable import Discord
import InMemoryLogging
import Logging
import Testing
import TestSupport

@Suite("Rate limiter: 429 answers") struct RateLimiter429Tests {
    @Test("a user-scope 429 holds its bucket for retry_after and counts as invalid")
    func userScope() async throws {
        let clock = ManualClock()
        let limiter = makeRateLimiter(clock: clock)
        let permit = try await limiter.acquire(TestRoutes.messages(channel: 1))
        await limiter.complete(permit, status: 429, headers: tooManyRequests(retryAfter: .milliseconds(1_500), scope: .user))

        await #expect(throws: RateLimitError.rateLimited(retryAfter: .milliseconds(1_500))) {
            try await limiter.acquire(TestRoutes.messages(channel: 1), maxWait: .seconds(1))
        }
        _ = try await limiter.acquire(TestRoutes.messages(channel: 2), maxWait: .zero)   // another bucket
        async let retry = limiter.acquire(TestRoutes.messages(channel: 1))
        try await eventually("one sleeper on the clock", polling: .zero) { clock.sleeperCount == 1 }
        #expect(clock.nextDeadline == clock.instant(.milliseconds(1_500)))
        clock.advance(by: .milliseconds(1_500))
        _ = try await retry
        #expect(await limiter.invalidRequestCount() == 1)
    }

    @Test("a shared-scope 429 holds every route of the bucket but is not counted as invalid")
    func sharedScope() async throws {
        let clock = ManualClock()
        let limiter = makeRateLimiter(clock: clock)
        let pins = try await limiter.acquire(TestRoutes.pins(channel: 1))
        await limiter.complete(pins, status: 200, headers: bucketHeaders(limit: 5, remaining: 4, resetAfter: .seconds(1)))
        let messages = try await limiter.acquire(TestRoutes.messages(channel: 1))
        await limiter.complete(messages, status: 429, headers: tooManyRequests(retryAfter: .seconds(4), scope: .shared))

        for route in [TestRoutes.messages(channel: 1), TestRoutes.pins(channel: 1)] {
            await #expect(throws: RateLimitError.rateLimited(retryAfter: .seconds(4))) {
                try await limiter.acquire(route, maxWait: .seconds(3))
            }
        }
        #expect(await limiter.invalidRequestCount() == 0)
        clock.advance(by: .seconds(4))
        _ = try await limiter.acquire(TestRoutes.pins(channel: 1), maxWait: .zero)
    }

    @Test(
        "a Cloudflare 429 stops all traffic for the configured pause and is reported",
        arguments: [
            RateLimitHeaders(retryAfter: .seconds(1), hasVia: false),                  // no Via header
            RateLimitHeaders(retryAfter: .seconds(1), hasVia: true, isBodyJSON: false), // an HTML page
        ]
    )
    func cloudflare(headers: RateLimitHeaders) async throws {
        let clock = ManualClock()
        let logs = InMemoryLogHandler()
        let limiter = makeRateLimiter(clock: clock, logger: Logger(label: "test", factory: { _ in logs }))
        let permit = try await limiter.acquire(TestRoutes.messages(channel: 1))
        async let waiting = limiter.acquire(TestRoutes.messages(channel: 1))
        try await eventually("one waiter", polling: .zero) { await limiter.waiterCount == 1 }

        await limiter.complete(permit, status: 429, headers: headers)
        do {
            _ = try await waiting
            Issue.record("expected RateLimitError.cloudflareBlocked(retryAfter: .seconds(3_600))")
        } catch {
            #expect(error as? RateLimitError == RateLimitError.cloudflareBlocked(retryAfter: .seconds(3_600)))
        }
        await #expect(throws: RateLimitError.cloudflareBlocked(retryAfter: .seconds(3_600))) {
            try await limiter.acquire(TestRoutes.interactionCallback(1))
        }
        #expect(logs.entries.contains { $0.message == "blocked by Cloudflare, pausing all requests" })

        clock.advance(by: .seconds(1_800))
        await #expect(throws: RateLimitError.cloudflareBlocked(retryAfter: .seconds(1_800))) {
            try await limiter.acquire(TestRoutes.messages(channel: 2))
        }
        clock.advance(by: .seconds(1_800))
        _ = try await limiter.acquire(TestRoutes.messages(channel: 2), maxWait: .zero)
    }

    @Test("a 429 storm costs one attempt per retry window, however many callers wait")
    func stormMakesOneAttemptPerWindow() async throws {
        let clock = ManualClock()
        let limiter = makeRateLimiter(clock: clock)
        let route = TestRoutes.messages(channel: 1)
        let attempts = Recorder<Duration>()
        let finished = Recorder<Int>()

        try await withThrowingTaskGroup(of: Void.self) { group in
            for caller in 0..<50 {
                group.addTask {
                    // Each caller retries after every 429 until five attempts have been made in all.
                    while true {
                        let permit = try await limiter.acquire(route)
                        if await attempts.count >= 5 {
                            await limiter.cancel(permit)
                            break
                        }
                        await attempts.append(clock.now.offset)
                        await limiter.complete(permit, status: 429, headers: tooManyRequests(retryAfter: .seconds(1), scope: .user))
                    }
                    await finished.append(caller)
                }
            }
            try await runClock(clock, of: limiter, horizon: .seconds(1)) { await finished.count == 50 }
            try await group.waitForAll()
        }
        #expect(await attempts.values == [.seconds(0), .seconds(1), .seconds(2), .seconds(3), .seconds(4)])
        #expect(await limiter.invalidRequestCount() == 5)
    }

    @Test("a 429 without retry_after or Retry-After falls back to Reset-After")
    func fallsBackToResetAfter() async throws {
        let clock = ManualClock()
        let limiter = makeRateLimiter(clock: clock)
        let permit = try await limiter.acquire(TestRoutes.messages(channel: 1))
        await limiter.complete(permit, status: 429, headers: RateLimitHeaders(remaining: 0, resetAfter: .seconds(7), bucket: "abc", scope: .user))
        await #expect(throws: RateLimitError.rateLimited(retryAfter: .seconds(7))) {
            try await limiter.acquire(TestRoutes.messages(channel: 1), maxWait: .zero)
        }
    }
}
