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

        @Test("only ASCII letters fold: bytes one case bit apart that are not letters stay different")
        func caseFoldingIsLettersOnly() {
            let headers: HTTPHeaders = ["X-[a]": "brackets", "Été": "accented", "Ab": "short"]
            #expect(headers["x-{a}"] == nil)
            #expect(headers["X-[A]"] == "brackets")
            #expect(headers["éTÉ"] == nil)
            #expect(headers["éte"] == nil)
            #expect(headers["Été"] == "accented")
            #expect(headers["ab"] == "short")
            #expect(headers["a"] == nil)
            #expect(headers["abc"] == nil)
            #expect(headers[""] == nil)
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
