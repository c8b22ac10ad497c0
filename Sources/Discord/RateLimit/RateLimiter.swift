public import Logging

/// Discord's REST rate limits, kept in one actor (T2). It never sends a request: a caller asks for a
/// permit, sends the request itself, then completes the permit with the response's status and
/// parsed headers, or cancels it if nothing was sent.
///
/// ```swift
/// let permit = try await limiter.acquire(route, maxWait: .seconds(3))
/// let response = try await transport.send(request)        // on failure: await limiter.cancel(permit)
/// await limiter.complete(permit, status: response.status, headers: RateLimitHeaders(header: response.header))
/// ```
///
/// What it follows (docs/DISCORD.md, *REST*):
/// - buckets are keyed by route until Discord names their hash, then by hash plus major parameter (docs/DISCORD.md#buckets);
/// - a bucket with nothing left holds its waiters until `Reset-After` (docs/DISCORD.md#buckets, #rate-limit-headers), and permits in flight
///   take slots, so parallel callers cannot overrun `remaining`;
/// - a 429 holds its bucket (`user`, `shared`), every non-interaction route (`global`), or all traffic
///   for `cloudflarePause` (Cloudflare) (docs/DISCORD.md#429-answers); non-interaction routes share 50 requests a second (docs/DISCORD.md#global-limit);
/// - 401, 403 and non-shared 429 answers are counted, and past a ceiling far below Discord's ban
///   threshold requests are refused; after a 401 on a bot-token route every request is refused (docs/DISCORD.md#invalid-requests);
/// - a caller's `maxWait` caps the wait: a longer wait throws `rateLimited` at once (docs/DISCORD.md#waiting);
/// - idle buckets are forgotten after `idleBucketExpiry` (docs/DISCORD.md#buckets).
///
/// Waiters on a bucket are served first come, first served. Only the first waiter of a bucket watches
/// the clock; the others wait to be signalled, so one reset wakes one task, not fifty.
/// Generic over its clock (any `Clock`, a `BotClock` too) so tests run on a `ManualClock` without sleeping.
public actor RateLimiter<C: Clock<Duration>> {
    typealias Instant = C.Instant

    private struct Waiter {
        let route: RateLimitRoute
        var key: RateLimitBucketKey
        /// From the caller's `maxWait`: past this instant the waiter gives up.
        let deadline: Instant?
        let signal: RateLimitWaiterSignal
    }

    /// A route without its major parameter: what a bucket hash is learned for.
    private struct RouteName: Hashable {
        let method: String
        let template: String
        init(_ route: RateLimitRoute) {
            method = route.method
            template = route.template
        }
    }

    /// Where a permit in flight holds its slot, and since when.
    private struct PermitRecord {
        var key: RateLimitBucketKey
        let grantedAt: Instant
    }

    private enum Decision {
        case grant
        case fail(RateLimitError)
        /// Wait for a signal, or until the instant if there is one.
        case wait(until: Instant?)
    }

    private let clock: C
    private let configuration: RateLimitConfiguration
    private let logger: Logger

    private var routeHashes: [RouteName: String] = [:]
    private var buckets: [RateLimitBucketKey: RateLimitBucket<Instant>] = [:]
    private var waiters: [UInt64: Waiter] = [:]
    /// Permits in flight, by id.
    private var permits: [UInt64: PermitRecord] = [:]
    private var nextWaiterID: UInt64 = 0
    private var nextPermitID: UInt64 = 0
    private var globalRequests: SlidingWindowCounter<Instant>
    private var globalBlockedUntil: Instant?
    private var invalidRequests: SlidingWindowCounter<Instant>
    private var cloudflareBlockedUntil: Instant?
    private var isUnauthorized = false
    private var lastSweep: Instant

    public init(clock: C, configuration: RateLimitConfiguration = RateLimitConfiguration(), logger: Logger) {
        self.clock = clock
        self.configuration = configuration
        self.logger = logger
        globalRequests = SlidingWindowCounter(window: configuration.globalWindow)
        invalidRequests = SlidingWindowCounter(window: configuration.invalidRequestWindow)
        lastSweep = clock.now
    }

    /// Waits until a request on `route` may be sent, and returns the permit to send it with.
    ///
    /// - Parameter maxWait: the longest the caller can wait. When the wait is known to be longer
    ///   (an interaction callback has 3 s in all), this throws `rateLimited(retryAfter:)` at once
    ///   instead of sleeping. Nil waits as long as it takes.
    /// - Throws: `RateLimitError`: `rateLimited`, `unauthorized`, `tooManyInvalidRequests`,
    ///   `cloudflareBlocked`, or `cancelled` when the calling task is cancelled while waiting.
    public func acquire(_ route: RateLimitRoute, maxWait: Duration? = nil) async throws(RateLimitError) -> RateLimitPermit {
        let start = clock.now
        sweepIdleBuckets(at: start)
        if let refusal = refusal(at: start) { throw refusal }
        if Task.isCancelled { throw .cancelled }

        let key = RateLimitBucketKey(route, hash: routeHashes[RouteName(route)])
        // An interaction's route whose bucket is new (each interaction's callback has one of its
        // own): nobody waits there and nothing is in flight, so the one request an unknown bucket
        // allows is this one, and it needs no place in line: what `decide` would grant, without
        // the waiter it would make and drop for nearly every request the bot sends.
        if route.isInteraction, buckets[key] == nil {
            return issuePermit(route, key: key, at: start)
        }
        let id = nextWaiterID
        nextWaiterID += 1
        let signal = RateLimitWaiterSignal()
        let deadline = maxWait.map { start.advanced(by: max($0, .zero)) }
        waiters[id] = Waiter(route: route, key: key, deadline: deadline, signal: signal)
        buckets[key, default: RateLimitBucket(now: start)].queue.append(id)

        while true {
            let now = clock.now
            switch decide(id, at: now) {
            case .grant:
                return grant(id, at: now)
            case .fail(let error):
                withdraw(id)
                throw error
            case .wait(let until):
                do {
                    try await wait(on: signal, until: until)
                } catch {
                    withdraw(id)
                    throw .cancelled
                }
            }
        }
    }

    /// Hands back a permit whose request was answered, with what the answer said.
    ///
    /// Call it for every answer, errors included: 401, 403 and 429 feed the invalid-request count,
    /// and a 401 on a route that carries the bot token makes the limiter refuse everything afterwards.
    /// A request that failed in transport can be completed with no headers (or cancelled): either
    /// frees its slot. Completing a permit twice is harmless.
    public func complete(_ permit: RateLimitPermit, status: Int, headers: RateLimitHeaders) {
        let now = clock.now
        let route = permit.route
        release(permit, at: now)
        if let hash = headers.bucket { learn(hash, for: route) }
        let key = RateLimitBucketKey(route, hash: routeHashes[RouteName(route)])
        buckets[key, default: RateLimitBucket(now: now)].lastUsed = now

        switch status {
        case 401 where route.usesBotToken:
            if !isUnauthorized {
                logger.info("token rejected, refusing all further requests", metadata: ["ratelimit.route": "\(route)"])
            }
            isUnauthorized = true
            recordInvalidRequest(at: now)
            signalAll()
        case 401:                                   // an expired interaction or webhook token
            recordInvalidRequest(at: now)
        case 403:
            recordInvalidRequest(at: now)
        case 429:
            rateLimited(route, key: key, headers: headers, at: now)
        default:
            break
        }
        if status != 429 {
            buckets[key]?.update(with: headers, status: status, at: now, fallbackResetAfter: configuration.fallbackResetAfter)
        }
        // An interaction's callback bucket serves one answer: once one succeeded Discord refuses
        // any other (40060). Kept for `idleBucketExpiry`, these buckets were one per interaction
        // in memory (100,000 of them at 350 interactions a second).
        if (200..<300).contains(status), case .interaction = route.major,
           buckets[key].map({ $0.queue.isEmpty && $0.inFlight.isEmpty }) == true {
            buckets[key] = nil
        }
        signalHead(of: key)
    }

    /// Hands back a permit whose request was never sent: its slot is free again.
    public func cancel(_ permit: RateLimitPermit) {
        release(permit, at: clock.now)
    }

    // MARK: Deciding

    private func decide(_ id: UInt64, at now: Instant) -> Decision {
        if let refusal = refusal(at: now) { return .fail(refusal) }
        guard let key = waiters[id]?.key else { return .fail(.cancelled) }
        takeBackExpiredPermits(in: key, at: now)
        guard let waiter = waiters[id], let bucket = buckets[key] else { return .fail(.cancelled) }
        let isHead = bucket.queue.first == id
        let hasCapacity = bucket.capacity(at: now) > 0
        // When time alone lets this waiter go (a reset, the end of a 429); nil while it waits for a
        // request in flight to be answered, or for its turn.
        var opening = hasCapacity ? nil : bucket.nextOpening(after: now)
        if isHead, let globalOpening = waiter.route.isInteraction ? nil : globalOpening(at: now) {
            if hasCapacity {
                opening = globalOpening
            } else if let bucketOpening = opening {
                opening = max(bucketOpening, globalOpening)
            }
        } else if isHead, hasCapacity {
            return .grant
        }

        // A head waiting for answers also wakes when the oldest permit's lease runs out. That is a
        // worst case, not a known wait, so it never makes `maxWait` throw early.
        let wakeAt = opening ?? (hasCapacity ? nil : earliestLeaseEnd(in: bucket))

        guard let deadline = waiter.deadline else { return .wait(until: isHead ? wakeAt : nil) }
        if let opening, opening > deadline {
            return .fail(.rateLimited(retryAfter: now.duration(to: opening)))
        }
        if now >= deadline {
            return .fail(.rateLimited(retryAfter: opening.map { now.duration(to: $0) } ?? .zero))
        }
        return .wait(until: isHead ? min(wakeAt ?? deadline, deadline) : deadline)
    }

    /// Why every request is refused right now, if it is.
    private func refusal(at now: Instant) -> RateLimitError? {
        if isUnauthorized { return .unauthorized }
        if let until = cloudflareBlockedUntil, now < until {
            return .cloudflareBlocked(retryAfter: now.duration(to: until))
        }
        if let opening = invalidRequests.opening(limit: configuration.invalidRequestCeiling, at: now) {
            return .tooManyInvalidRequests(retryAfter: now.duration(to: opening))
        }
        return nil
    }

    /// When a non-interaction request may go next, or nil if it may go now (docs/DISCORD.md#global-limit, global 429).
    private func globalOpening(at now: Instant) -> Instant? {
        var opening = globalRequests.opening(limit: configuration.globalLimit, at: now)
        if let blocked = globalBlockedUntil, now < blocked {
            opening = max(opening ?? blocked, blocked)
        }
        return opening
    }

    private nonisolated func wait(on signal: RateLimitWaiterSignal, until deadline: Instant?) async throws {
        guard let deadline else {
            try await signal.wait()
            return
        }
        let clock = self.clock
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await signal.wait() }
            group.addTask { try await clock.sleep(until: deadline, tolerance: nil) }
            defer { group.cancelAll() }
            try await group.next()
        }
    }

    // MARK: Bookkeeping

    private func grant(_ id: UInt64, at now: Instant) -> RateLimitPermit {
        let waiter = waiters.removeValue(forKey: id)!
        buckets[waiter.key]!.queue.removeFirst()
        let permit = issuePermit(waiter.route, key: waiter.key, at: now)
        signalHead(of: waiter.key)
        return permit
    }

    /// A permit on `route`, its slot taken in the bucket filed under `key` (made if there is none).
    private func issuePermit(_ route: RateLimitRoute, key: RateLimitBucketKey, at now: Instant) -> RateLimitPermit {
        let permit = RateLimitPermit(id: nextPermitID, route: route)
        nextPermitID += 1
        buckets[key, default: RateLimitBucket(now: now)].inFlight.insert(permit.id)
        buckets[key]?.lastUsed = now
        permits[permit.id] = PermitRecord(key: key, grantedAt: now)
        if !route.isInteraction { globalRequests.record(at: now) }
        return permit
    }

    /// Removes a waiter that gave up; the next in line gets its turn.
    private func withdraw(_ id: UInt64) {
        guard let waiter = waiters.removeValue(forKey: id),
            let index = buckets[waiter.key]?.queue.firstIndex(of: id)
        else { return }
        buckets[waiter.key]!.queue.remove(at: index)
        if index == 0 { signalHead(of: waiter.key) }
    }

    private func release(_ permit: RateLimitPermit, at now: Instant) {
        guard let key = permits.removeValue(forKey: permit.id)?.key else { return }
        buckets[key]?.inFlight.remove(permit.id)
        buckets[key]?.lastUsed = now
        signalHead(of: key)
    }

    /// Files the route under its bucket hash; buckets still filed under the route move to the hash,
    /// merging with those of other routes that share it (docs/DISCORD.md#buckets).
    private func learn(_ hash: String, for route: RateLimitRoute) {
        let name = RouteName(route)
        let previous = routeHashes.updateValue(hash, forKey: name)
        guard previous != hash else { return }
        logger.debug("rate limit bucket learned", metadata: ["ratelimit.route": "\(route)", "ratelimit.bucket": "\(hash)"])
        guard previous == nil else { return }       // a changed hash: old permits finish in the old bucket
        for key in buckets.keys {
            guard case .route(let method, let template, let major) = key, method == name.method, template == name.template
            else { continue }
            move(key, to: .hash(hash, major: major))
        }
    }

    private func move(_ source: RateLimitBucketKey, to target: RateLimitBucketKey) {
        guard source != target, let moved = buckets.removeValue(forKey: source) else { return }
        for id in moved.inFlight { permits[id]?.key = target }
        for id in moved.queue { waiters[id]?.key = target }
        if var merged = buckets[target] {
            merged.inFlight.formUnion(moved.inFlight)
            merged.queue = (merged.queue + moved.queue).sorted()        // ids grow with arrival: FIFO
            merged.lastUsed = max(merged.lastUsed, moved.lastUsed)
            buckets[target] = merged
        } else {
            buckets[target] = moved
        }
        signalHead(of: target)
    }

    private func rateLimited(_ route: RateLimitRoute, key: RateLimitBucketKey, headers: RateLimitHeaders, at now: Instant) {
        let retryAfter = headers.retryAfter ?? headers.resetAfter ?? configuration.fallbackResetAfter
        recordInvalidRequest(at: now, unlessShared: headers.scope == .shared && !headers.looksLikeCloudflare)
        if headers.looksLikeCloudflare {
            let until = now.advanced(by: configuration.cloudflarePause)
            cloudflareBlockedUntil = max(cloudflareBlockedUntil ?? until, until)
            logger.info(
                "blocked by Cloudflare, pausing all requests",
                metadata: ["ratelimit.route": "\(route)", "ratelimit.pause": "\(configuration.cloudflarePause)"]
            )
            signalAll()
        } else if headers.isGlobal || headers.scope == .global {
            let until = now.advanced(by: retryAfter)
            globalBlockedUntil = max(globalBlockedUntil ?? until, until)
            logger.info(
                "global rate limit hit, pausing",
                metadata: ["ratelimit.route": "\(route)", "ratelimit.retry_after": "\(retryAfter)"]
            )
        } else {
            buckets[key]?.block(for: retryAfter, at: now)
            logger.info(
                "rate limited, waiting",
                metadata: [
                    "ratelimit.route": "\(route)", "ratelimit.retry_after": "\(retryAfter)",
                    "ratelimit.scope": "\(headers.scope?.rawValue ?? "user")",
                ]
            )
        }
    }

    private func recordInvalidRequest(at now: Instant, unlessShared isShared: Bool = false) {
        guard !isShared else { return }
        invalidRequests.record(at: now)
        if invalidRequests.count(at: now) == configuration.invalidRequestCeiling {
            logger.info(
                "invalid request ceiling reached, refusing requests",
                metadata: ["ratelimit.ceiling": "\(configuration.invalidRequestCeiling)"]
            )
            signalAll()
        }
    }

    private func earliestLeaseEnd(in bucket: RateLimitBucket<Instant>) -> Instant? {
        bucket.inFlight.compactMap { permits[$0]?.grantedAt.advanced(by: configuration.permitLease) }.min()
    }

    /// Frees the slots of permits whose callers never handed them back.
    private func takeBackExpiredPermits(in key: RateLimitBucketKey, at now: Instant) {
        guard let inFlight = buckets[key]?.inFlight else { return }
        for id in inFlight {
            guard let record = permits[id], record.grantedAt.advanced(by: configuration.permitLease) <= now else { continue }
            permits[id] = nil
            buckets[key]?.inFlight.remove(id)
            logger.debug("permit never completed, slot taken back", metadata: ["ratelimit.lease": "\(configuration.permitLease)"])
        }
    }

    private func signalHead(of key: RateLimitBucketKey) {
        guard let id = buckets[key]?.queue.first else { return }
        waiters[id]?.signal.signal()
    }

    private func signalAll() {
        for waiter in waiters.values { waiter.signal.signal() }
    }

    private func sweepIdleBuckets(at now: Instant) {
        let expiry = configuration.idleBucketExpiry
        guard lastSweep.advanced(by: expiry / 5) <= now else { return }
        lastSweep = now
        buckets = buckets.filter { !$0.value.isIdle(at: now, expiry: expiry) }
    }

    // MARK: For tests

    /// Buckets currently tracked (idle ones disappear after `idleBucketExpiry`).
    var bucketCount: Int { buckets.count }
    /// Callers waiting in `acquire`.
    var waiterCount: Int { waiters.count }
    /// Permits granted and not yet completed or cancelled.
    var inFlightCount: Int { permits.count }
    /// Invalid responses counted in the current window.
    func invalidRequestCount() -> Int { invalidRequests.count(at: clock.now) }
}
