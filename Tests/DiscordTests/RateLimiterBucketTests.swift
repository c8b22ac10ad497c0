import BotTesting
import Clocks
@testable import Discord
import Testing
import TestSupport

@Suite("Rate limiter: buckets") struct RateLimiterBucketTests {
    @Test("routes that share a bucket hash share its limit")
    func sharedHashSharesLimit() async throws {
        let clock = ManualClock()
        let limiter = makeRateLimiter(clock: clock)
        let messages = try await limiter.acquire(TestRoutes.messages(channel: 1))
        await limiter.complete(messages, status: 200, headers: bucketHeaders(limit: 1, remaining: 0, resetAfter: .seconds(1)))
        // The pins route has not been answered yet, so it is not known to share the bucket.
        let pins = try await limiter.acquire(TestRoutes.pins(channel: 1), maxWait: .zero)
        await limiter.complete(pins, status: 200, headers: bucketHeaders(limit: 1, remaining: 0, resetAfter: .seconds(1)))

        await #expect(throws: RateLimitError.rateLimited(retryAfter: .seconds(1))) {
            try await limiter.acquire(TestRoutes.pins(channel: 1), maxWait: .zero)
        }
        await #expect(throws: RateLimitError.rateLimited(retryAfter: .seconds(1))) {
            try await limiter.acquire(TestRoutes.messages(channel: 1), maxWait: .zero)
        }
        async let first = limiter.acquire(TestRoutes.messages(channel: 1))
        try await eventually("one waiter, asleep on the clock", polling: .zero) { await limiter.waiterCount == 1 && clock.sleeperCount == 1 }
        async let second = limiter.acquire(TestRoutes.pins(channel: 1))
        try await eventually("two waiters", polling: .zero) { await limiter.waiterCount == 2 }
        clock.advance(by: .seconds(1))
        // One slot per window: only the first goes at 1 s; the other waits for its answer.
        let a = try await first
        #expect(await limiter.waiterCount == 1)
        #expect(await limiter.bucketCount == 1)
        await limiter.complete(a, status: 200, headers: bucketHeaders(limit: 1, remaining: 0, resetAfter: .seconds(1)))
        try await eventually("one sleep until 2 s", polling: .zero) { clock.sleeperCount == 1 && clock.nextDeadline == clock.instant(.seconds(2)) }
        clock.advance(by: .seconds(1))
        let b = try await second
        #expect(b.route == TestRoutes.pins(channel: 1))
    }

    @Test("the same route on another channel has its own bucket")
    func majorParameterSeparatesBuckets() async throws {
        let clock = ManualClock()
        let limiter = makeRateLimiter(clock: clock)
        let permit = try await limiter.acquire(TestRoutes.messages(channel: 1))
        await limiter.complete(permit, status: 200, headers: bucketHeaders(limit: 5, remaining: 0, resetAfter: .seconds(10)))

        let other = try await limiter.acquire(TestRoutes.messages(channel: 2), maxWait: .zero)
        await limiter.complete(other, status: 200, headers: bucketHeaders(limit: 5, remaining: 4, resetAfter: .seconds(10)))
        _ = try await limiter.acquire(TestRoutes.messages(channel: 2), maxWait: .zero)
        await #expect(throws: RateLimitError.rateLimited(retryAfter: .seconds(10))) {
            try await limiter.acquire(TestRoutes.messages(channel: 1), maxWait: .zero)
        }
    }

    @Test("remaining 0 holds the next request exactly until Reset-After")
    func holdsUntilResetAfter() async throws {
        let clock = ManualClock()
        let limiter = makeRateLimiter(clock: clock)
        let permit = try await limiter.acquire(TestRoutes.messages(channel: 1))
        await limiter.complete(permit, status: 200, headers: bucketHeaders(limit: 5, remaining: 0, resetAfter: .milliseconds(2_675)))

        async let next = limiter.acquire(TestRoutes.messages(channel: 1))
        try await eventually("one sleeper on the clock", polling: .zero) { clock.sleeperCount == 1 }
        #expect(clock.nextDeadline == clock.instant(.milliseconds(2_675)))
        clock.advance(by: .milliseconds(2_674))
        #expect(await limiter.waiterCount == 1)
        clock.advance(by: .milliseconds(1))
        _ = try await next
        #expect(clock.now == clock.instant(.milliseconds(2_675)))
    }

    @Test("while the limit is unknown one request goes at a time")
    func unknownBucketProbesOneAtATime() async throws {
        let clock = ManualClock()
        let limiter = makeRateLimiter(clock: clock)
        let probe = try await limiter.acquire(TestRoutes.messages(channel: 1))
        await #expect(throws: RateLimitError.rateLimited(retryAfter: .zero)) {
            try await limiter.acquire(TestRoutes.messages(channel: 1), maxWait: .zero)
        }
        await limiter.complete(probe, status: 200, headers: bucketHeaders(limit: 5, remaining: 2, resetAfter: .seconds(1)))
        _ = try await limiter.acquire(TestRoutes.messages(channel: 1), maxWait: .zero)
        _ = try await limiter.acquire(TestRoutes.messages(channel: 1), maxWait: .zero)
        await #expect(throws: RateLimitError.rateLimited(retryAfter: .seconds(1))) {
            try await limiter.acquire(TestRoutes.messages(channel: 1), maxWait: .zero)
        }
    }

    @Test("100 concurrent callers on a bucket of 5 never overrun a window and go in arrival order")
    func concurrentCallersFIFO() async throws {
        let clock = ManualClock()
        let limiter = makeRateLimiter(clock: clock)
        let server = SimulatedBucket(clock: clock, limit: 5, window: .seconds(1))
        let route = TestRoutes.messages(channel: 7)
        let finished = Recorder<Int>()

        let probe = try await limiter.acquire(route)
        let results = try await withThrowingTaskGroup(of: (caller: Int, permit: UInt64).self) { group in
            for caller in 0..<100 {
                group.addTask {
                    let permit = try await limiter.acquire(route)
                    let (status, headers) = await server.answer()
                    await limiter.complete(permit, status: status, headers: headers)
                    await finished.append(caller)
                    return (caller, permit.id)
                }
                try await eventually("caller \(caller) to wait", polling: .zero) { await limiter.waiterCount == caller + 1 }   // arrival order is fixed
            }
            let (status, headers) = await server.answer()
            await limiter.complete(probe, status: status, headers: headers)
            try await runClock(clock, of: limiter, horizon: .seconds(1)) { await finished.count == 100 }
            var all: [(caller: Int, permit: UInt64)] = []
            for try await result in group { all.append(result) }
            return all
        }

        #expect(await server.rejected == 0)
        #expect(await server.perWindow == Array(repeating: 5, count: 20) + [1])
        let grantOrder = results.sorted { $0.permit < $1.permit }.map(\.caller)
        #expect(grantOrder == Array(0..<100))
        #expect(clock.now == clock.instant(.seconds(20)))
    }

    @Test("a cancelled permit frees its slot for the next caller")
    func cancelledPermitReleasesSlot() async throws {
        let clock = ManualClock()
        let limiter = makeRateLimiter(clock: clock)
        let unused = try await limiter.acquire(TestRoutes.messages(channel: 1))
        async let next = limiter.acquire(TestRoutes.messages(channel: 1))
        try await eventually("one waiter", polling: .zero) { await limiter.waiterCount == 1 }
        await limiter.cancel(unused)
        _ = try await next
        #expect(await limiter.inFlightCount == 1)
    }

    @Test("a caller whose task is cancelled stops waiting and leaves the queue")
    func cancelledWaiterLeaves() async throws {
        let clock = ManualClock()
        let limiter = makeRateLimiter(clock: clock)
        let held = try await limiter.acquire(TestRoutes.messages(channel: 1))
        let outcome = try await withThrowingTaskGroup(of: Result<RateLimitPermit, RateLimitError>.self) { group in
            group.addTask {
                do throws(RateLimitError) {
                    return .success(try await limiter.acquire(TestRoutes.messages(channel: 1)))
                } catch {
                    return .failure(error)
                }
            }
            try await eventually("one waiter", polling: .zero) { await limiter.waiterCount == 1 }
            group.cancelAll()
            return try await group.next()!
        }
        #expect(outcome == .failure(.cancelled))
        #expect(await limiter.waiterCount == 0)
        await limiter.complete(held, status: 200, headers: bucketHeaders(limit: 5, remaining: 4, resetAfter: .seconds(1)))
        _ = try await limiter.acquire(TestRoutes.messages(channel: 1), maxWait: .zero)
    }

    @Test("a permit never handed back is taken back when its lease ends")
    func leakedPermitIsTakenBack() async throws {
        let clock = ManualClock()
        let limiter = makeRateLimiter(clock: clock, configuration: RateLimitConfiguration(permitLease: .seconds(60)))
        _ = try await limiter.acquire(TestRoutes.messages(channel: 1))           // leaked: never completed
        async let next = limiter.acquire(TestRoutes.messages(channel: 1))
        try await eventually("a sleep until 60 s", polling: .zero) { clock.nextDeadline == clock.instant(.seconds(60)) }
        clock.advance(by: .seconds(59))
        #expect(await limiter.waiterCount == 1)
        clock.advance(by: .seconds(1))
        _ = try await next
        #expect(await limiter.inFlightCount == 1)
    }

    @Test("a bucket idle for five minutes is forgotten")
    func idleBucketsExpire() async throws {
        let clock = ManualClock()
        let limiter = makeRateLimiter(clock: clock)
        let first = try await limiter.acquire(TestRoutes.messages(channel: 1))
        await limiter.complete(first, status: 200, headers: bucketHeaders(limit: 5, remaining: 4, resetAfter: .seconds(1)))
        #expect(await limiter.bucketCount == 1)

        clock.advance(by: .seconds(240))
        let second = try await limiter.acquire(TestRoutes.messages(channel: 2))
        await limiter.cancel(second)
        #expect(await limiter.bucketCount == 2)

        clock.advance(by: .seconds(61))
        let third = try await limiter.acquire(TestRoutes.messages(channel: 3))
        #expect(await limiter.bucketCount == 2)                 // channel 1 is gone, 2 and 3 remain
        await limiter.cancel(third)
    }

    @Test("an interaction's callback bucket is forgotten once its answer succeeded, not after a failure")
    func answeredCallbackBucketIsForgotten() async throws {
        let clock = ManualClock()
        let limiter = makeRateLimiter(clock: clock)
        let message = try await limiter.acquire(TestRoutes.messages(channel: 1))
        await limiter.complete(message, status: 200, headers: bucketHeaders(limit: 5, remaining: 4, resetAfter: .seconds(1)))
        let answered = try await limiter.acquire(TestRoutes.interactionCallback(1))
        await limiter.complete(answered, status: 204, headers: bucketHeaders(limit: 5, remaining: 4, resetAfter: .seconds(1)))
        #expect(await limiter.bucketCount == 1)                 // only the channel's
        let failed = try await limiter.acquire(TestRoutes.interactionCallback(2))
        await limiter.complete(failed, status: 500, headers: RateLimitHeaders())
        #expect(await limiter.bucketCount == 2)
    }
}

/// A Discord bucket as the server keeps it: `limit` requests per fixed window that starts with the
/// window's first request. Counts what it accepted per window and what it had to reject.
actor SimulatedBucket {
    private let clock: ManualClock
    private let limit: Int
    private let window: Duration
    private var windowEnd: ManualClock.Instant?
    private var used = 0
    private(set) var perWindow: [Int] = []
    private(set) var rejected = 0

    init(clock: ManualClock, limit: Int, window: Duration) {
        self.clock = clock
        self.limit = limit
        self.window = window
    }

    func answer() -> (status: Int, headers: RateLimitHeaders) {
        let now = clock.now
        if windowEnd.map({ now >= $0 }) ?? true {
            windowEnd = now.advanced(by: window)
            used = 0
            perWindow.append(0)
        }
        let resetAfter = now.duration(to: windowEnd!)
        guard used < limit else {
            rejected += 1
            return (429, tooManyRequests(retryAfter: resetAfter, scope: .user))
        }
        used += 1
        perWindow[perWindow.count - 1] += 1
        return (200, bucketHeaders(limit: limit, remaining: limit - used, resetAfter: resetAfter))
    }
}
