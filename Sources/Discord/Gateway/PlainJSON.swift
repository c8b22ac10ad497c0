/// A JSON document in the plain form Discord sends, read into a small tree for the interaction
/// fast path (`Interaction.readPlain`). Written here rather than taken from a library: the fast
/// path needs a reader that refuses, instead of interpreting, anything outside that plain form, so
/// that Foundation's decoder still judges every odd document exactly as before.
///
/// `parse` returns nil for: a document that is not JSON, a string with an escape sequence or a
/// control character, a number that is not a plain integer or decimal, a key that appears twice in
/// one object, nesting deeper than `deepestNesting`. The caller then decodes with Foundation.
enum PlainJSON: Sendable, Equatable {
    /// The members in document order. An interaction's objects have a few dozen keys at most, so
    /// a list searched in order is cheaper than hashing every key into a dictionary.
    case object([Member])
    case array([PlainJSON])
    case string(String)
    /// The number's text, as JSON wrote it (`-12`, `3.5`).
    case number(String)
    case bool(Bool)
    case null

    struct Member: Sendable, Equatable {
        let key: String
        let value: PlainJSON
    }

    /// The value of `key` in an object; nil for a missing key or a value that is not an object.
    subscript(key: String) -> PlainJSON? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// Deeper than any interaction Discord sends; deeper documents go to Foundation.
    static let deepestNesting = 32

    static func parse(_ bytes: UnsafeRawBufferPointer) -> PlainJSON? {
        var reader = PlainJSONReader(bytes: bytes.assumingMemoryBound(to: UInt8.self))
        guard let value = reader.value(depth: 0) else { return nil }
        reader.skipWhitespace()
        return reader.index == bytes.count ? value : nil
    }
}

private struct PlainJSONReader {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    mutating func skipWhitespace() {
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { return }
            index += 1
        }
    }

    mutating func value(depth: Int) -> PlainJSON? {
        skipWhitespace()
        guard index < bytes.count, depth <= PlainJSON.deepestNesting else { return nil }
        switch bytes[index] {
        case UInt8(ascii: "{"): return object(depth: depth)
        case UInt8(ascii: "["): return array(depth: depth)
        case UInt8(ascii: "\""): return string().map(PlainJSON.string)
        case UInt8(ascii: "t"): return literal("true") ? .bool(true) : nil
        case UInt8(ascii: "f"): return literal("false") ? .bool(false) : nil
        case UInt8(ascii: "n"): return literal("null") ? .null : nil
        default: return number()
        }
    }

    private mutating func object(depth: Int) -> PlainJSON? {
        index += 1
        var members: [PlainJSON.Member] = []
        skipWhitespace()
        if take(UInt8(ascii: "}")) { return .object(members) }
        repeat {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\""), let key = string(),
                  !members.contains(where: { $0.key == key }) else { return nil }
            skipWhitespace()
            guard take(UInt8(ascii: ":")), let value = value(depth: depth + 1) else { return nil }
            members.append(PlainJSON.Member(key: key, value: value))
            skipWhitespace()
        } while take(UInt8(ascii: ","))
        return take(UInt8(ascii: "}")) ? .object(members) : nil
    }

    private mutating func array(depth: Int) -> PlainJSON? {
        index += 1
        var elements: [PlainJSON] = []
        skipWhitespace()
        if take(UInt8(ascii: "]")) { return .array(elements) }
        repeat {
            guard let element = value(depth: depth + 1) else { return nil }
            elements.append(element)
            skipWhitespace()
        } while take(UInt8(ascii: ","))
        return take(UInt8(ascii: "]")) ? .array(elements) : nil
    }

    /// A string without escapes or control characters, as valid UTF-8 (checked only when a byte
    /// is not ASCII: most of an interaction's strings are ids and keys).
    private mutating func string() -> String? {
        index += 1
        let start = index
        var isASCII = true
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let text = UnsafeBufferPointer(rebasing: bytes[start..<index])
                index += 1
                return isASCII ? String(decoding: text, as: UTF8.self) : String(validating: text, as: UTF8.self)
            }
            guard byte != UInt8(ascii: "\\"), byte >= 0x20 else { return nil }
            if byte >= 0x80 { isASCII = false }
            index += 1
        }
        return nil
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)?`; exponents are left to Foundation.
    private mutating func number() -> PlainJSON? {
        let start = index
        _ = take(UInt8(ascii: "-"))
        let integerStart = index
        while index < bytes.count, (0x30...0x39).contains(bytes[index]) { index += 1 }
        let integerDigits = index - integerStart
        guard integerDigits > 0, integerDigits == 1 || bytes[integerStart] != 0x30 else { return nil }
        if take(UInt8(ascii: ".")) {
            let fractionStart = index
            while index < bytes.count, (0x30...0x39).contains(bytes[index]) { index += 1 }
            guard index > fractionStart else { return nil }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") { return nil }
        return .number(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
    }

    private mutating func literal(_ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] { return false }
        index += count
        return true
    }

    private mutating func take(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }
}
