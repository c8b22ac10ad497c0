/// Checks UTF-8 incrementally, so a text message split across frames fails at the first bad byte
/// (RFC 6455 §8.1 asks to fail fast) instead of after the whole message arrived.
///
/// Follows the well-formed byte sequences of the Unicode Standard (table 3-7): no overlong forms, no
/// surrogates (ED A0–BF), nothing above U+10FFFF.
struct UTF8Validator: Sendable {
    private var pending = 0
    private var lower: UInt8 = 0x80
    private var upper: UInt8 = 0xBF

    /// Feeds bytes; false as soon as they cannot be part of well-formed UTF-8.
    mutating func feed(_ bytes: some Sequence<UInt8>) -> Bool {
        for byte in bytes {
            if pending == 0 {
                switch byte {
                case 0x00...0x7F: continue
                case 0xC2...0xDF: expect(1, 0x80, 0xBF)
                case 0xE0: expect(2, 0xA0, 0xBF)
                case 0xE1...0xEC, 0xEE...0xEF: expect(2, 0x80, 0xBF)
                case 0xED: expect(2, 0x80, 0x9F)
                case 0xF0: expect(3, 0x90, 0xBF)
                case 0xF1...0xF3: expect(3, 0x80, 0xBF)
                case 0xF4: expect(3, 0x80, 0x8F)
                default: return false
                }
            } else {
                guard byte >= lower && byte <= upper else { return false }
                expect(pending - 1, 0x80, 0xBF)
            }
        }
        return true
    }

    /// Whether the bytes so far end on a character boundary.
    var isComplete: Bool { pending == 0 }

    private mutating func expect(_ count: Int, _ low: UInt8, _ high: UInt8) {
        pending = count
        lower = low
        upper = high
    }

    static func isValid(_ bytes: some Sequence<UInt8>) -> Bool {
        var validator = UTF8Validator()
        return validator.feed(bytes) && validator.isComplete
    }
}
