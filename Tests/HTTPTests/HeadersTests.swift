import HTTP
import Testing

extension HTTPTests {
    @Suite("Header fields") struct Headers {
        @Test("lookup ignores ASCII case but not other differences")
        func caseInsensitiveLookup() {
            var headers: HTTPHeaders = ["X-RateLimit-Bucket": "abc", "Set-Cookie": "a=1"]
            headers.add(name: "set-cookie", value: "b=2")
            #expect(headers["x-ratelimit-bucket"] == "abc")
            #expect(headers["X-RATELIMIT-BUCKET"] == "abc")
            #expect(headers["X-RateLimit-Bucket2"] == nil)
            #expect(headers["X_RateLimit-Bucket"] == nil)
            #expect(headers.values(for: "SET-COOKIE") == ["a=1", "b=2"])
            headers.replaceOrAdd(name: "SET-cookie", value: "c=3")
            #expect(headers.values(for: "set-cookie") == ["c=3"])
            headers.remove(name: "x-ratelimit-bucket")
            #expect(!headers.contains("X-RateLimit-Bucket"))
        }

        @Test("descriptions list names only")
        func descriptionsHideValues() {
            let headers: HTTPHeaders = ["Authorization": "Bot secret-value"]
            var dumped = ""
            dump(headers, to: &dumped)
            for text in [headers.description, headers.debugDescription, "\(headers)", dumped] {
                #expect(text.contains("Authorization"))
                #expect(!text.contains("secret-value"))
            }
        }
    }
}
