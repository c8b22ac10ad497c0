import Foundation

extension GatewayFrame {
    /// Reads a payload as the session needs it. The top-level object is scanned once for `op`, `s`
    /// and `t` without building the rest; `d` is decoded only for the session's own events (HELLO,
    /// READY, INVALID_SESSION), which are rare. An INTERACTION_CREATE is therefore parsed once, by
    /// the application's decoder, instead of twice: Foundation's decoder reads a whole document
    /// even when only three of its keys are asked for.
    ///
    /// The scan checks the document's structure (objects, arrays, strings, numbers, literals,
    /// nesting depth) and returns only for the plain form Discord sends; anything else (escapes in a
    /// key or in `t`, `op` or `s` that are not plain integers, a document the scan rejects) is read
    /// by Foundation's decoder, exactly as before, so an odd payload is judged the same way.
    package static func read(_ bytes: [UInt8]) throws -> GatewayFrame {
        let scanned = bytes.withUnsafeBufferPointer { buffer in
            var scanner = TopLevelScanner(buffer)
            return scanner.scan()
        }
        guard let scanned, let opcode = scanned.opcode else {
            return try JSONDecoder().decode(GatewayFrame.self, from: Data(bytes))
        }
        let name = scanned.name.map { String(decoding: bytes[$0], as: UTF8.self) }
        switch (GatewayOpcode(rawValue: opcode), name) {
        case (.hello, _), (.dispatch, "READY"), (.invalidSession, _):
            // The session's own events need `d`: Foundation's decoder reads them, as before.
            return try JSONDecoder().decode(GatewayFrame.self, from: Data(bytes))
        default:
            return GatewayFrame(opcode: opcode, sequence: scanned.sequence, name: name, content: .other)
        }
    }
}

extension GatewayFrame {
    init(opcode: Int, sequence: Int?, name: String?, content: Content) {
        self.opcode = opcode
        self.sequence = sequence
        self.name = name
        self.content = content
    }
}

/// What the scan found at the top level: `op` and `s` as integers, `t` as the byte range of its
/// string's contents.
private struct TopLevelFields {
    var opcode: Int?
    var sequence: Int?
    var name: Range<Int>?
}

/// A validating scan of one JSON object that keeps only `op`, `s` and `t`. `nil` means "read it
/// the long way": either the document is not JSON, or it uses a form this scan leaves to
/// Foundation.
private struct TopLevelScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0
    /// As deep as Foundation's decoder nests before it refuses a document.
    static let deepestNesting = 512

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    mutating func scan() -> TopLevelFields? {
        var fields = TopLevelFields()
        skipWhitespace()
        guard take(UInt8(ascii: "{")) else { return nil }
        skipWhitespace()
        if !take(UInt8(ascii: "}")) {
            repeat {
                skipWhitespace()
                guard let key = plainString() else { return nil }
                skipWhitespace()
                guard take(UInt8(ascii: ":")) else { return nil }
                skipWhitespace()
                if key.count == 2, bytes[key.lowerBound] == UInt8(ascii: "o"), bytes[key.lowerBound + 1] == UInt8(ascii: "p") {
                    guard let opcode = plainInteger() else { return nil }
                    fields.opcode = opcode
                } else if key.count == 1, bytes[key.lowerBound] == UInt8(ascii: "s") {
                    if takeLiteral("null") { fields.sequence = nil } else {
                        guard let sequence = plainInteger() else { return nil }
                        fields.sequence = sequence
                    }
                } else if key.count == 1, bytes[key.lowerBound] == UInt8(ascii: "t") {
                    if takeLiteral("null") { fields.name = nil } else {
                        guard let name = plainString() else { return nil }
                        fields.name = name
                    }
                } else {
                    guard skipValue() else { return nil }
                }
                skipWhitespace()
            } while take(UInt8(ascii: ","))
            guard take(UInt8(ascii: "}")) else { return nil }
        }
        skipWhitespace()
        return index == bytes.count ? fields : nil
    }

    // MARK: Pieces

    private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func take(_ byte: UInt8) -> Bool {
        guard current == byte else { return false }
        index += 1
        return true
    }

    private mutating func takeLiteral(_ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        for offset in 0..<count where bytes[index + offset] != literal.utf8Start[offset] {
            return false
        }
        index += count
        return true
    }

    private mutating func skipWhitespace() {
        while let byte = current, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 {
            index += 1
        }
    }

    /// A string without escapes: the range of its contents. An escape leaves it to Foundation.
    private mutating func plainString() -> Range<Int>? {
        guard take(UInt8(ascii: "\"")) else { return nil }
        let start = index
        index = bytes.endOfPlainASCII(from: index)
        while let byte = current {
            if byte == UInt8(ascii: "\"") {
                index += 1
                return start..<(index - 1)
            }
            guard byte != UInt8(ascii: "\\"), byte >= 0x20 else { return nil }
            index += 1
        }
        return nil
    }

    /// A non-negative integer without sign, fraction or exponent, as Discord writes `op` and `s`.
    private mutating func plainInteger() -> Int? {
        let start = index
        var value = 0
        while let byte = current, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
            let (times, overflowTimes) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflowSum) = times.addingReportingOverflow(Int(byte - UInt8(ascii: "0")))
            guard !overflowTimes, !overflowSum else { return nil }
            value = sum
            index += 1
        }
        let digits = index - start
        guard digits > 0, digits == 1 || bytes[start] != UInt8(ascii: "0") else { return nil }
        // A fraction or an exponent after the digits is another form: Foundation reads it.
        if let byte = current, byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") { return nil }
        return value
    }

    /// Skips any JSON value, checking its structure; iterative, so nesting costs no stack.
    private mutating func skipValue() -> Bool {
        // The containers still open: true for an object, false for an array.
        var open: [Bool] = []
        while true {
            skipWhitespace()
            guard let byte = current else { return false }
            switch byte {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                index += 1
                guard open.count < Self.deepestNesting else { return false }
                let isObject = byte == UInt8(ascii: "{")
                open.append(isObject)
                skipWhitespace()
                if take(isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                    open.removeLast()
                    break
                }
                if isObject {
                    guard skipMemberName() else { return false }
                }
                continue
            case UInt8(ascii: "\""):
                guard skipString() else { return false }
            case UInt8(ascii: "t"):
                guard takeLiteral("true") else { return false }
            case UInt8(ascii: "f"):
                guard takeLiteral("false") else { return false }
            case UInt8(ascii: "n"):
                guard takeLiteral("null") else { return false }
            default:
                guard skipNumber() else { return false }
            }
            // A value is done: close containers that end here, or go on to the next element.
            while let isObject = open.last {
                skipWhitespace()
                if take(UInt8(ascii: ",")) {
                    if isObject {
                        skipWhitespace()
                        guard skipMemberName() else { return false }
                    }
                    break
                }
                guard take(isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) else { return false }
                open.removeLast()
            }
            if open.isEmpty { return true }
        }
    }

    /// `"name":` inside an object being skipped.
    private mutating func skipMemberName() -> Bool {
        guard current == UInt8(ascii: "\""), skipString() else { return false }
        skipWhitespace()
        return take(UInt8(ascii: ":"))
    }

    /// A string with any valid escapes.
    private mutating func skipString() -> Bool {
        guard take(UInt8(ascii: "\"")) else { return false }
        index = bytes.endOfPlainASCII(from: index)
        while let byte = current {
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                return true
            case UInt8(ascii: "\\"):
                guard let escaped = current else { return false }
                index += 1
                switch escaped {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                     UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    continue
                case UInt8(ascii: "u"):
                    for _ in 0..<4 {
                        guard let hex = current, Self.isHexDigit(hex) else { return false }
                        index += 1
                    }
                default:
                    return false
                }
            case ..<0x20:
                return false
            default:
                continue
            }
        }
        return false
    }

    /// A number by JSON's grammar: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    private mutating func skipNumber() -> Bool {
        _ = take(UInt8(ascii: "-"))
        if take(UInt8(ascii: "0")) {
            // A leading zero stands alone.
        } else {
            guard skipDigits() else { return false }
        }
        if take(UInt8(ascii: ".")) {
            guard skipDigits() else { return false }
        }
        if take(UInt8(ascii: "e")) || take(UInt8(ascii: "E")) {
            if !take(UInt8(ascii: "+")) { _ = take(UInt8(ascii: "-")) }
            guard skipDigits() else { return false }
        }
        return true
    }

    /// One or more digits.
    private mutating func skipDigits() -> Bool {
        let start = index
        while let byte = current, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
            index += 1
        }
        return index > start
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
            || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
    }
}
