import Foundation
public import Postgres
import Synchronization

/// What a health endpoint asks (`/livez` one set of probes, `/readyz` another), each question a
/// closure so that tests can answer it without a bot. Each probe returns `nil` when all is well,
/// or the reason it is not, in one short phrase.
///
/// The endpoints are unauthenticated, so the answer is cached for `cacheLifetime` (a second):
/// however many requests arrive, the probes (a database query among them) run at most once per
/// lifetime, and requests during a run wait for that run instead of starting another.
public struct HealthCheck: Sendable {
    public typealias Probe = @Sendable () async -> String?

    public var probes: [Probe]
    public var cacheLifetime: Duration
    /// The clock the cache ages on; tests move it by hand.
    let now: @Sendable () -> ContinuousClock.Instant
    private let cache = HealthCache()

    public init(probes: [Probe], cacheLifetime: Duration = .seconds(1), now: @escaping @Sendable () -> ContinuousClock.Instant = { .now }) {
        self.probes = probes
        self.cacheLifetime = cacheLifetime
        self.now = now
    }

    /// The reasons the bot is unhealthy, in probe order; empty when it is healthy.
    public func problems() async -> [String] {
        let probes = probes
        return await cache.value(at: now(), lifetime: cacheLifetime) {
            var reasons: [String] = []
            for probe in probes {
                if let reason = await probe() { reasons.append(reason) }
            }
            return reasons
        }
    }

    // MARK: The bot's probes

    /// Connected, or without a connection for less than `grace`: a resume or a reconnect after a
    /// close takes seconds, and the bot is not unready for it. `disconnectedFor` is nil when connected.
    public static func gateway(grace: Duration, disconnectedFor: @escaping @Sendable () -> Duration?) -> Probe {
        {
            guard let gone = disconnectedFor(), gone >= grace else { return nil }
            return "gateway disconnected for \(gone.components.seconds)s"
        }
    }

    /// `SELECT 1` on `pool`, given at most `timeout`. A query that does not answer in time is
    /// cancelled, and the check does not wait for it to wind down.
    public static func database(_ pool: PostgresPool, timeout: Duration = .seconds(2)) -> Probe {
        {
            let answer = await firstOf(timeout: timeout) {
                do {
                    _ = try await pool.query(Query(unsafeSQL: "SELECT 1"), named: "health check")
                    return nil
                } catch {
                    return "database unreachable"
                }
            }
            return answer ?? "database did not answer within \(timeout)"
        }
    }

    /// The runner's loop beat within `staleAfter`. It beats on each pass, claim and lease
    /// renewal, so a runner busy with a long task still beats every third of the lease.
    public static func taskRunner(staleAfter: Duration, lastHeartbeat: @escaping @Sendable () -> ContinuousClock.Instant?) -> Probe {
        {
            guard let beat = lastHeartbeat() else { return "task runner not started" }
            let age = ContinuousClock.now - beat
            return age <= staleAfter ? nil : "task runner stalled (no heartbeat for \(age.components.seconds)s)"
        }
    }

    /// `body`'s answer, or `nil` if `timeout` passes first. Returns at the deadline even when
    /// `body` ignores cancellation; an answer in time cancels the deadline's timer.
    static func firstOf(timeout: Duration, _ body: @escaping @Sendable () async -> String?) async -> String?? {
        let settled = SettleOnce()
        return await withCheckedContinuation { (continuation: CheckedContinuation<String??, Never>) in
            let work = Task {
                let answer = await body()
                if settled.claim() {
                    continuation.resume(returning: .some(answer))
                    settled.cancelTimer()
                }
            }
            settled.startTimer {
                try? await Task.sleep(for: timeout)
                if !Task.isCancelled, settled.claim() {
                    continuation.resume(returning: .none)
                    work.cancel()
                }
            }
        }
    }
}

/// The last answer of the probes and when it was asked for, and the run under way if any.
private actor HealthCache {
    private var last: (at: ContinuousClock.Instant, problems: [String])?
    private var running: Task<[String], Never>?

    func value(at now: ContinuousClock.Instant, lifetime: Duration, _ evaluate: @escaping @Sendable () async -> [String]) async -> [String] {
        if let last, now - last.at < lifetime { return last.problems }
        if let running { return await running.value }
        let run = Task { await evaluate() }
        running = run
        let problems = await run.value
        last = (now, problems)
        running = nil
        return problems
    }
}

/// Lets exactly one of several racers resume a continuation, and holds the deadline's timer so
/// an answer in time can stop it.
private final class SettleOnce: Sendable {
    private let settled = Mutex(false)
    private let timer = Mutex<Task<Void, Never>?>(nil)

    func startTimer(_ body: @escaping @Sendable () async -> Void) {
        let task = Task(operation: body)
        // The answer may have come before the timer existed.
        let done = settled.withLock { $0 }
        timer.withLock { $0 = task }
        if done { task.cancel() }
    }

    func cancelTimer() {
        timer.withLock { $0?.cancel() }
    }

    /// True for the first caller only.
    func claim() -> Bool {
        settled.withLock { done in
            defer { done = true }
            return !done
        }
    }
}
