import Foundation
import SimulatorSupport

/// The global limit, the route buckets and the 429s they answer with (docs/DISCORD.md#buckets, #rate-limit-headers, #429-answers, #global-limit).
extension RESTWorld {
    /// Bot-token requests outside interactions share one global bucket; its 429 says so three ways
    /// (`global: true`, `X-RateLimit-Global`, scope `global`) and carries no bucket headers.
    mutating func takeGlobal(now: Date) -> SimulatedResponse? {
        let decision = buckets.take("global", rule: configuration.globalRateLimit, bucketHash: "global", now: now)
        guard case .limited(_, let retryAfter) = decision else { return nil }
        var response = SimulatedResponse.json(429, [
            "message": "You are being rate limited.",
            "retry_after": .double(Self.rounded(retryAfter)),
            "global": true,
        ])
        response.headers["Retry-After"] = Self.wholeSeconds(retryAfter)
        response.headers["X-RateLimit-Global"] = "true"
        response.headers["X-RateLimit-Scope"] = "global"
        return response
    }

    /// Buckets are per route and per top-level resource; the hash is per route only, as Discord's is.
    mutating func takeBucket(for match: RouteMatch, now: Date) -> RateLimitBuckets.Decision {
        let route = match.route
        let key = ([route.rawValue] + route.majorParameters.map { match[$0] }).joined(separator: ":")
        let rule = rateLimits[route] ?? configuration.fallbackRateLimit
        return buckets.take(key, rule: rule, bucketHash: BucketHash.of("\(route.method) \(route.template)"), now: now)
    }

    static func rateLimited(headers: RateLimitHeaders, retryAfter: TimeInterval) -> SimulatedResponse {
        var response = SimulatedResponse.json(429, [
            "message": "You are being rate limited.",
            "retry_after": .double(rounded(retryAfter)),
            "global": false,
        ], headers: headers.fields)
        response.headers["Retry-After"] = wholeSeconds(retryAfter)
        response.headers["X-RateLimit-Scope"] = "user"
        return response
    }

    /// The answer to a fault that stops the request before Discord acts on it.
    static func response(for fault: SimulatedFault) -> SimulatedResponse {
        switch fault {
        case .status(let status, .json):
            let phrase = status == 500 ? "Internal Server Error" : status == 503 ? "Service Unavailable" : "Server Error"
            return SimulatedResponse.httpError(status, phrase).fromAPI
        case .status(let status, .html):
            return .html(status, EdgePages.gateway(status))
        case .sharedRateLimit(let retryAfter):
            var response = SimulatedResponse.json(429, [
                "message": "You are being rate limited.",
                "retry_after": .double(rounded(retryAfter)),
                "global": false,
            ])
            response.headers["Retry-After"] = wholeSeconds(retryAfter)
            response.headers["X-RateLimit-Scope"] = "shared"
            return response.fromAPI
        case .cloudflareBan(let retryAfter):
            return .html(429, EdgePages.banned, headers: ["Retry-After": String(retryAfter)])
        case .slowResponse, .resetMidBody:
            preconditionFailure("delivery faults do not stop the request")
        }
    }

    /// `retry_after` has millisecond precision on the wire.
    static func rounded(_ seconds: TimeInterval) -> Double {
        (seconds * 1000).rounded(.up) / 1000
    }

    /// `Retry-After` is whole seconds, rounded up so that waiting it is always enough.
    static func wholeSeconds(_ seconds: TimeInterval) -> String {
        String(Int(seconds.rounded(.up)))
    }
}
