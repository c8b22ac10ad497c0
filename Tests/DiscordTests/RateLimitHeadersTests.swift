import Discord
import Secrets
import Testing

@Suite("Rate-limit headers") struct RateLimitHeadersTests {
    @Test("header names are matched whatever their case")
    func caseInsensitiveNames() {
        let headers = RateLimitHeaders(headers: [
            "x-ratelimit-limit": "5", "X-RATELIMIT-REMAINING": "4", "x-RateLimit-Reset": "1470173023.123",
            "x-ratelimit-reset-after": "2.675", "x-ratelimit-bucket": "abcd1234", "x-ratelimit-scope": "Shared",
            "retry-after": "3", "via": "1.1 google",
        ])
        #expect(headers.limit == 5)
        #expect(headers.remaining == 4)
        #expect(headers.reset == 1_470_173_023.123)
        #expect(headers.resetAfter == .milliseconds(2_675))
        #expect(headers.bucket == "abcd1234")
        #expect(headers.scope == .shared)
        #expect(headers.retryAfter == .seconds(3))
        #expect(headers.hasVia)
        #expect(!headers.looksLikeCloudflare)
    }

    @Test("a lookup function is used as given")
    func lookupFunction() {
        let headers = RateLimitHeaders(header: { $0.lowercased() == "x-ratelimit-remaining" ? " 0 " : nil })
        #expect(headers.remaining == 0)
        #expect(headers.limit == nil)
        #expect(!headers.hasVia)
    }

    @Test("the body's retry_after wins over the rounded Retry-After header")
    func bodyRetryAfterPreferred() {
        let headers = RateLimitHeaders(headers: ["Retry-After": "3", "Via": "1.1 google"], bodyRetryAfter: 2.5)
        #expect(headers.retryAfter == .milliseconds(2_500))
    }

    @Test("global comes from the header or from the body")
    func global() {
        #expect(RateLimitHeaders(headers: ["X-RateLimit-Global": "true"]).isGlobal)
        #expect(RateLimitHeaders(headers: [:], bodyGlobal: true).isGlobal)
        #expect(!RateLimitHeaders(headers: ["X-RateLimit-Global": "false"], bodyGlobal: false).isGlobal)
    }

    @Test("a 429 without Via or with a non-JSON body looks like Cloudflare")
    func cloudflare() {
        #expect(RateLimitHeaders(headers: ["Retry-After": "10"]).looksLikeCloudflare)
        #expect(RateLimitHeaders(headers: ["Via": "1.1 google"], isBodyJSON: false).looksLikeCloudflare)
        #expect(!RateLimitHeaders(headers: ["Via": "1.1 google"]).looksLikeCloudflare)
    }

    @Test(
        "malformed values are ignored",
        arguments: [
            "", "  ", "abc", "-1", "1.5.2", "nan", "NaN", "inf", "-inf", "1e300", "0x10", "９", "5 apples", "99999999999999999999999",
        ]
    )
    func malformedValuesIgnored(value: String) {
        let headers = RateLimitHeaders(headers: [
            "X-RateLimit-Limit": value, "X-RateLimit-Remaining": value, "X-RateLimit-Reset": value,
            "X-RateLimit-Reset-After": value, "X-RateLimit-Scope": value, "X-RateLimit-Global": value, "Retry-After": value,
        ])
        #expect(headers.limit == nil)
        #expect(headers.remaining == nil)
        #expect(headers.resetAfter == nil)
        #expect(headers.scope == nil)
        #expect(!headers.isGlobal)
        #expect(headers.retryAfter == nil)
        #expect(headers.reset == nil)
    }

    @Test("a malformed retry_after from the body is ignored", arguments: [Double.nan, .infinity, -.infinity, -1, 1e300])
    func malformedBodyRetryAfterIgnored(value: Double) {
        let headers = RateLimitHeaders(headers: ["Via": "1.1 google"], bodyRetryAfter: value)
        #expect(headers.retryAfter == nil)
    }

    @Test("a route prints its method and template, never a token")
    func routeDescription() {
        let route = RateLimitRoute(
            method: "post", template: "webhooks/{webhook_id}/{webhook_token}",
            major: .webhook(42, token: .init("very-secret-token")))
        #expect(route.description == "POST webhooks/{webhook_id}/{webhook_token}")
        #expect(!"\(route.major)".contains("very-secret-token"))
        #expect(!"\(route)".contains("very-secret-token"))
        #expect(!route.isInteraction)
        #expect(RateLimitRoute(method: "POST", template: "interactions/{id}/{token}/callback", major: .interaction(1, token: .init("t"))).isInteraction)
    }
}
