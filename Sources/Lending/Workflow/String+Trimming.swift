public import Foundation

extension String {
    /// The text without leading and trailing whitespace (`includingNewlines`: and line breaks), as
    /// `trimmingCharacters(in: .whitespacesAndNewlines)` or `(in: .whitespaces)` gives it. Foundation
    /// reads the text through its Unicode machinery even when there is nothing to trim, which every
    /// member's form submission paid several times over; text that begins and ends with an ASCII
    /// character other than a space or a control character has nothing to trim and is returned
    /// as it is, and anything else is left to Foundation.
    public func trimmingWhitespace(includingNewlines: Bool = true) -> String {
        let bytes = utf8
        guard let first = bytes.first, let last = bytes.last else { return "" }
        func endsNothing(_ byte: UInt8) -> Bool { byte > 0x20 && byte < 0x7F }
        if endsNothing(first), endsNothing(last) { return self }
        return trimmingCharacters(in: includingNewlines ? .whitespacesAndNewlines : .whitespaces)
    }
}
