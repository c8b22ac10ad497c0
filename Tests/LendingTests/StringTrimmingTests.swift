import Foundation
import Lending
import Testing

@Suite("Trimming a member's text")
struct StringTrimmingTests {
    /// Texts with nothing to trim, and texts with every kind of edge Foundation's sets know:
    /// ASCII spaces, tabs and line breaks, Unicode spaces and separators, control characters,
    /// non-ASCII letters and emoji at either end.
    static let texts = [
        "", " ", "\n", "\t \r\n", "Spring event", "1.21.4", "7", "a", " a", "a ", "\ta\t", "\na\n", "a\n", "\u{0B}a\u{0C}",
        "\u{00A0}a\u{00A0}", "\u{3000}祭り\u{3000}", "祭り", "é", "a\u{2028}", "\u{2029}a", "\u{0085}a", "a\u{200B}",
        "🎉 party 🎉", " 🎉", "\u{01}a\u{7F}", "a\u{0301}", "  multiple   inner   spaces  ", "\r\n\r\n",
    ]

    @Test("gives what Foundation's trimming gives, with and without line breaks", arguments: texts)
    func sameAsFoundation(text: String) {
        #expect(text.trimmingWhitespace() == text.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(text.trimmingWhitespace(includingNewlines: false) == text.trimmingCharacters(in: .whitespaces))
    }
}
