import Foundation

/// Laravel's fixed-decay counter as the panel configures it (docs/PANEL-API.md §1.5): one bucket per account and
/// API, a window that starts at the first hit and ends `window` later, and no hit recorded once
/// the limit is reached.
struct PanelRateLimiter {
    struct Bucket {
        var windowStart: Date
        var hits: Int
    }

    enum Verdict {
        case allowed(limit: Int, remaining: Int)
        case limited(limit: Int, retryAfter: Int, resetAt: Date)
    }

    var buckets: [String: Bucket] = [:]

    mutating func hit(key: String, limit: Int, window: Duration, now: Date) -> Verdict {
        let seconds = window.seconds
        var bucket = buckets[key] ?? Bucket(windowStart: now, hits: 0)
        if now.timeIntervalSince(bucket.windowStart) >= seconds { bucket = Bucket(windowStart: now, hits: 0) }
        guard bucket.hits < limit else {
            buckets[key] = bucket
            let resetAt = bucket.windowStart.addingTimeInterval(seconds)
            return .limited(limit: limit, retryAfter: max(1, Int(resetAt.timeIntervalSince(now).rounded(.up))), resetAt: resetAt)
        }
        bucket.hits += 1
        buckets[key] = bucket
        return .allowed(limit: limit, remaining: limit - bucket.hits)
    }
}

extension Duration {
    var seconds: TimeInterval {
        let (whole, attoseconds) = components
        return TimeInterval(whole) + TimeInterval(attoseconds) / 1e18
    }
}
