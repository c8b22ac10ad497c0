extension UnsafeBufferPointer<UInt8> {
    /// An index at or after `start`, and at most eight bytes before the first byte that could end
    /// or complicate a JSON string's contents (a quote, a backslash, a control character or a
    /// non-ASCII byte) or before the buffer's end: every byte skipped is plain, and the caller reads
    /// on byte by byte from there. Eight bytes at a time: the gateway's readers spent most of their
    /// time in long plain strings (interaction tokens, ids), one byte and three comparisons at a time.
    func endOfPlainASCII(from start: Int) -> Int {
        guard let base = baseAddress else { return start }
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highBits: UInt64 = 0x8080_8080_8080_8080
        // Whether a word whose bytes are all below 0x80 has a byte below `limit` (at most 0x80).
        func hasByte(below limit: UInt64, in word: UInt64) -> Bool {
            (word &- ones &* limit) & ~word & highBits != 0
        }
        var index = start
        while index + 8 <= count {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            // Non-ASCII first: the tests below are exact only for bytes under 0x80.
            if word & highBits != 0 || hasByte(below: 0x20, in: word) || hasByte(below: 1, in: word ^ (ones &* 0x22))
                || hasByte(below: 1, in: word ^ (ones &* 0x5C)) { break }
            index += 8
        }
        return index
    }
}
