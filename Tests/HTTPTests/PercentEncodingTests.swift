import Foundation
import HTTP
import Testing

extension HTTPTests {
    @Suite("Percent-encoding") struct PercentEncodingChecks {
        static let texts = ["", "abcXYZ019-._~", "a b", "a+b", "a/b?c#d", "100%", "貸出 #12 の承認", "é", "\u{7F}\u{01}", "token.with_all-unreserved~"]

        @Test("only the unreserved characters are kept, as Foundation encodes with the same set", arguments: texts)
        func matchesFoundation(_ text: String) throws {
            var unreserved = CharacterSet()
            unreserved.insert(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
            let expected = try #require(text.addingPercentEncoding(withAllowedCharacters: unreserved))
            #expect(PercentEncoding.encode(text) == expected)
            #expect(PercentEncoding.encode(text, keeping: PercentEncoding.unreserved) == expected)
            #expect(PercentEncoding.encode(text).removingPercentEncoding == text)
        }

        @Test("a set of its own keeps what it names")
        func keepsTheGivenSet() {
            #expect(PercentEncoding.encode("a b+c", keeping: PercentEncoding.unreserved.union([UInt8(ascii: " ")])) == "a b%2Bc")
            #expect(PercentEncoding.encode("a b", keeping: []) == "%61%20%62")
        }
    }
}
