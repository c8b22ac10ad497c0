import Glibc

/// A JSON document in the plain form Discord sends, checked in one pass and indexed for the
/// interaction fast path (`Interaction.readPlain`). Written here rather than taken from a library:
/// the fast path needs a reader that refuses, instead of interpreting, anything outside that plain
/// form, so that Foundation's decoder still judges every odd document exactly as before.
///
/// `parse` returns nil for: a document that is not JSON, a string with an escape sequence or a
/// control character or that is not UTF-8, a number that is not a plain integer or decimal, a key
/// that appears twice in one object, nesting deeper than `deepestNesting`. The caller then decodes
/// with Foundation.
///
/// The document is a flat list of nodes over the bytes it was parsed from, not a tree of values:
/// a string becomes a `String` only when the reader asks for it, and a key is compared byte by byte
/// where it stands. Building a tree with every key and value as a `String` was a tenth of the
/// bot's instructions per interaction.
struct PlainJSON {
    enum Kind: UInt8 {
        case object, array, string, number, bool, null
    }

    /// One value. Its children follow it in document order (an object's as key, value, key,
    /// value…), and `next` is the index just past the last of them.
    fileprivate struct Node {
        var kind: Kind
        /// A boolean's value.
        var flag: Bool
        /// The byte range of a string's contents or of a number's text.
        var start: Int32
        var end: Int32
        var next: Int32
    }

    /// Valid only as long as the buffer given to `parse`.
    fileprivate let bytes: UnsafeBufferPointer<UInt8>
    fileprivate let nodes: [Node]

    /// Deeper than any interaction Discord sends; deeper documents go to Foundation.
    static let deepestNesting = 32

    /// The document's top value, usable only while `bytes` is; nil when the document is not plain.
    static func parse(_ bytes: UnsafeRawBufferPointer) -> Value? {
        // The node offsets are 32-bit; Discord's gateway payloads are far below that.
        guard bytes.count < Int(Int32.max) else { return nil }
        var parser = PlainJSONParser(bytes: bytes.assumingMemoryBound(to: UInt8.self))
        guard parser.value(depth: 0) else { return nil }
        parser.skipWhitespace()
        guard parser.index == bytes.count else { return nil }
        return Value(document: PlainJSON(bytes: parser.bytes, nodes: parser.nodes), index: 0)
    }

    /// A value of the document.
    struct Value {
        fileprivate let document: PlainJSON
        fileprivate let index: Int

        private var node: Node { document.nodes[index] }

        var kind: Kind { node.kind }

        /// The member `key` of an object; nil for a missing key or a value that is not an object.
        subscript(key: StaticString) -> Value? {
            guard node.kind == .object else { return nil }
            let wanted = UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount)
            var child = index + 1
            while child < node.next {
                if document.stringBytes(at: child).hasSameBytes(as: wanted) { return Value(document: document, index: child + 1) }
                child = Int(document.nodes[child + 1].next)
            }
            return nil
        }

        /// An object's members in document order, each key as its bytes.
        var members: [(key: UnsafeBufferPointer<UInt8>, value: Value)]? {
            guard node.kind == .object else { return nil }
            var result: [(key: UnsafeBufferPointer<UInt8>, value: Value)] = []
            var child = index + 1
            while child < node.next {
                result.append((document.stringBytes(at: child), Value(document: document, index: child + 1)))
                child = Int(document.nodes[child + 1].next)
            }
            return result
        }

        /// An array's elements in order.
        var elements: [Value]? {
            guard node.kind == .array else { return nil }
            var result: [Value] = []
            var child = index + 1
            while child < node.next {
                result.append(Value(document: document, index: child))
                child = Int(document.nodes[child].next)
            }
            return result
        }

        var string: String? {
            guard node.kind == .string else { return nil }
            // The parse checked the bytes are UTF-8.
            return String(decoding: document.stringBytes(at: index), as: UTF8.self)
        }

        /// A string's bytes, or a number's text as JSON wrote it (`-12`, `3.5`).
        var text: UnsafeBufferPointer<UInt8>? {
            guard node.kind == .string || node.kind == .number else { return nil }
            return document.stringBytes(at: index)
        }

        var bool: Bool? { node.kind == .bool ? node.flag : nil }
    }

    fileprivate func stringBytes(at index: Int) -> UnsafeBufferPointer<UInt8> {
        let node = nodes[index]
        return UnsafeBufferPointer(rebasing: bytes[Int(node.start)..<Int(node.end)])
    }
}

extension UnsafeBufferPointer<UInt8> {
    fileprivate func hasSameBytes(as other: UnsafeBufferPointer<UInt8>) -> Bool {
        guard count == other.count else { return false }
        guard count > 0 else { return true }
        guard let mine = baseAddress, let theirs = other.baseAddress else { return false }
        return memcmp(mine, theirs, count) == 0
    }
}

private struct PlainJSONParser {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0
    var nodes: [PlainJSON.Node] = []

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        // An interaction has about one value per 16 bytes; one allocation covers most of them.
        nodes.reserveCapacity(bytes.count / 16 + 8)
    }

    mutating func skipWhitespace() {
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { return }
            index += 1
        }
    }

    mutating func value(depth: Int) -> Bool {
        skipWhitespace()
        guard index < bytes.count, depth <= PlainJSON.deepestNesting else { return false }
        switch bytes[index] {
        case UInt8(ascii: "{"): return object(depth: depth)
        case UInt8(ascii: "["): return array(depth: depth)
        case UInt8(ascii: "\""): return string()
        case UInt8(ascii: "t"): return literal("true", .bool, flag: true)
        case UInt8(ascii: "f"): return literal("false", .bool, flag: false)
        case UInt8(ascii: "n"): return literal("null", .null, flag: false)
        default: return number()
        }
    }

    /// Appends a node whose `next` is the following index; containers set theirs when they close.
    private mutating func append(_ kind: PlainJSON.Kind, flag: Bool = false, start: Int = 0, end: Int = 0) {
        nodes.append(PlainJSON.Node(kind: kind, flag: flag, start: Int32(start), end: Int32(end), next: Int32(nodes.count + 1)))
    }

    private mutating func object(depth: Int) -> Bool {
        index += 1
        let object = nodes.count
        append(.object)
        skipWhitespace()
        if !take(UInt8(ascii: "}")) {
            repeat {
                skipWhitespace()
                let key = nodes.count
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\""), string(), isFirst(key: key, in: object) else { return false }
                skipWhitespace()
                guard take(UInt8(ascii: ":")), value(depth: depth + 1) else { return false }
                skipWhitespace()
            } while take(UInt8(ascii: ","))
            guard take(UInt8(ascii: "}")) else { return false }
        }
        nodes[object].next = Int32(nodes.count)
        return true
    }

    /// Whether the key just read at `key` is not one of the object's earlier keys. Objects have a
    /// few dozen keys at most, so comparing with each is cheaper than hashing them.
    private func isFirst(key: Int, in object: Int) -> Bool {
        let name = bytes(of: key)
        var earlier = object + 1
        while earlier < key {
            if bytes(of: earlier).hasSameBytes(as: name) { return false }
            earlier = Int(nodes[earlier + 1].next)
        }
        return true
    }

    private func bytes(of node: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[Int(nodes[node].start)..<Int(nodes[node].end)])
    }

    private mutating func array(depth: Int) -> Bool {
        index += 1
        let array = nodes.count
        append(.array)
        skipWhitespace()
        if !take(UInt8(ascii: "]")) {
            repeat {
                guard value(depth: depth + 1) else { return false }
                skipWhitespace()
            } while take(UInt8(ascii: ","))
            guard take(UInt8(ascii: "]")) else { return false }
        }
        nodes[array].next = Int32(nodes.count)
        return true
    }

    /// A string without escapes or control characters, as valid UTF-8 (checked only when a byte
    /// is not ASCII: most of an interaction's strings are ids and keys).
    private mutating func string() -> Bool {
        index += 1
        let start = index
        index = bytes.endOfPlainASCII(from: index)
        var isASCII = true
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let contents = UnsafeBufferPointer(rebasing: bytes[start..<index])
                guard isASCII || (try? UTF8Span(validating: contents.span)) != nil else { return false }
                append(.string, start: start, end: index)
                index += 1
                return true
            }
            guard byte != UInt8(ascii: "\\"), byte >= 0x20 else { return false }
            if byte >= 0x80 { isASCII = false }
            index += 1
        }
        return false
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)?`; exponents are left to Foundation.
    private mutating func number() -> Bool {
        let start = index
        _ = take(UInt8(ascii: "-"))
        let integerStart = index
        while index < bytes.count, (0x30...0x39).contains(bytes[index]) { index += 1 }
        let integerDigits = index - integerStart
        guard integerDigits > 0, integerDigits == 1 || bytes[integerStart] != 0x30 else { return false }
        if take(UInt8(ascii: ".")) {
            let fractionStart = index
            while index < bytes.count, (0x30...0x39).contains(bytes[index]) { index += 1 }
            guard index > fractionStart else { return false }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") { return false }
        append(.number, start: start, end: index)
        return true
    }

    private mutating func literal(_ word: StaticString, _ kind: PlainJSON.Kind, flag: Bool) -> Bool {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] { return false }
        index += count
        append(kind, flag: flag)
        return true
    }

    private mutating func take(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }
}
