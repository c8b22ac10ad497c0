import Clocks
import Foundation

/// Fixed-window buckets, one per (route, top-level resource), plus the global bucket.
///
/// A window opens with the first request after the previous one reset, as Discord's do: the bucket
/// then allows `limit` requests until `reset`. Requests answered 429 are not counted. Only the
/// simulator's lock touches this value.
struct RateLimitBuckets {
    private struct Window {
        var resetAt: Date
        var remaining: Int
    }

    enum Decision {
        case allowed(RateLimitHeaders)
        case limited(RateLimitHeaders, retryAfter: TimeInterval)
    }

    private var windows: [String: Window] = [:]

    /// Takes one request from the bucket `key` under `rule`, at `now`.
    mutating func take(_ key: String, rule: RateLimitRule, bucketHash: String, now: Date) -> Decision {
        var window = windows[key] ?? Window(resetAt: now, remaining: rule.limit)
        if now >= window.resetAt {
            window = Window(resetAt: now.addingTimeInterval(rule.window.timeInterval), remaining: rule.limit)
        }
        let limited = window.remaining == 0
        if !limited { window.remaining -= 1 }
        windows[key] = window
        let headers = RateLimitHeaders(
            limit: rule.limit, remaining: window.remaining, resetAt: window.resetAt,
            resetAfter: window.resetAt.timeIntervalSince(now), bucket: bucketHash
        )
        return limited ? .limited(headers, retryAfter: headers.resetAfter) : .allowed(headers)
    }
}

/// The `X-RateLimit-*` headers Discord sends on every bucketed response (docs/DISCORD.md#buckets, #rate-limit-headers).
struct RateLimitHeaders {
    let limit: Int
    let remaining: Int
    let resetAt: Date
    let resetAfter: TimeInterval
    let bucket: String

    var fields: [String: String] {
        [
            "X-RateLimit-Limit": String(limit),
            "X-RateLimit-Remaining": String(remaining),
            // Epoch seconds with decimals, as Discord sends them (e.g. 1470173023.123).
            "X-RateLimit-Reset": String(format: "%.3f", resetAt.timeIntervalSince1970),
            "X-RateLimit-Reset-After": String(format: "%.3f", resetAfter),
            "X-RateLimit-Bucket": bucket,
        ]
    }
}

enum BucketHash {
    /// A 32-hex-digit name that stays the same across runs and processes (Swift's `Hasher` is
    /// seeded per process), like Discord's opaque bucket hashes: the same for every channel on a
    /// route, so clients must add the top-level id themselves (docs/DISCORD.md#buckets).
    static func of(_ text: String) -> String {
        func fnv1a(_ seed: UInt64) -> UInt64 {
            var hash = seed
            for byte in text.utf8 {
                hash ^= UInt64(byte)
                hash = hash &* 0x100_0000_01b3
            }
            return hash
        }
        let high = fnv1a(0xcbf2_9ce4_8422_2325), low = fnv1a(0x84222325_cbf29ce4)
        return String(format: "%016llx%016llx", high, low)
    }
}
