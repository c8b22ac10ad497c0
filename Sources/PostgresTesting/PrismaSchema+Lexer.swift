/// One token of schema.prisma text. Newlines are tokens because they end a field or an enum value.
struct PrismaToken: Equatable {
    enum Kind: Equatable {
        case identifier(String)
        case string(String)
        /// The literal as written (`5`, `-1.5`).
        case number(String)
        /// One of `{ } ( ) [ ] , : ? . =`.
        case symbol(Character)
        /// `@` (field attribute) or `@@` (block attribute).
        case at(isBlock: Bool)
        case newline
        case end
    }

    let kind: Kind
    let line: Int
}

/// Splits schema text into tokens, dropping `//` and `///` comments.
enum PrismaLexer {
    private static let symbols: Set<Character> = ["{", "}", "(", ")", "[", "]", ",", ":", "?", ".", "="]

    static func tokens(in text: String) throws(PrismaSchemaError) -> [PrismaToken] {
        // Unicode scalars rather than Characters: "\r\n" is one Character, and line counting
        // must see its "\n".
        let scalars = Array(text.unicodeScalars)
        var tokens: [PrismaToken] = []
        var line = 1
        var index = 0

        while index < scalars.count {
            let scalar = scalars[index]
            switch scalar {
            case "\n":
                tokens.append(PrismaToken(kind: .newline, line: line))
                line += 1
                index += 1
            case " ", "\t", "\r":
                index += 1
            case "/" where index + 1 < scalars.count && scalars[index + 1] == "/":
                while index < scalars.count, scalars[index] != "\n" { index += 1 }
            case "@":
                let isBlock = index + 1 < scalars.count && scalars[index + 1] == "@"
                tokens.append(PrismaToken(kind: .at(isBlock: isBlock), line: line))
                index += isBlock ? 2 : 1
            case "\"":
                let (value, end) = try string(in: scalars, from: index, line: line)
                tokens.append(PrismaToken(kind: .string(value), line: line))
                index = end
            case _ where isDigit(scalar) || (scalar == "-" && index + 1 < scalars.count && isDigit(scalars[index + 1])):
                var end = index + 1
                while end < scalars.count, isDigit(scalars[end]) || scalars[end] == "." || scalars[end] == "e" || scalars[end] == "E"
                    || ((scalars[end] == "-" || scalars[end] == "+") && (scalars[end - 1] == "e" || scalars[end - 1] == "E")) {
                    end += 1
                }
                tokens.append(PrismaToken(kind: .number(String(String.UnicodeScalarView(scalars[index..<end]))), line: line))
                index = end
            case _ where isIdentifierStart(scalar):
                var end = index + 1
                while end < scalars.count, isIdentifierStart(scalars[end]) || isDigit(scalars[end]) { end += 1 }
                tokens.append(PrismaToken(kind: .identifier(String(String.UnicodeScalarView(scalars[index..<end]))), line: line))
                index = end
            case _ where symbols.contains(Character(scalar)):
                tokens.append(PrismaToken(kind: .symbol(Character(scalar)), line: line))
                index += 1
            default:
                throw PrismaSchemaError(line: line, message: "unexpected character \"\(scalar)\"")
            }
        }
        tokens.append(PrismaToken(kind: .end, line: line))
        return tokens
    }

    /// Reads a double-quoted string starting at `start`; returns its value and the index after it.
    private static func string(
        in scalars: [Unicode.Scalar], from start: Int, line: Int
    ) throws(PrismaSchemaError) -> (String, Int) {
        var value = String.UnicodeScalarView()
        var index = start + 1
        while index < scalars.count {
            let scalar = scalars[index]
            switch scalar {
            case "\"":
                return (String(value), index + 1)
            case "\n":
                throw PrismaSchemaError(line: line, message: "string not closed before the end of the line")
            case "\\" where index + 1 < scalars.count:
                let escaped = scalars[index + 1]
                switch escaped {
                case "n": value.append("\n")
                case "t": value.append("\t")
                default: value.append(escaped)
                }
                index += 2
            default:
                value.append(scalar)
                index += 1
            }
        }
        throw PrismaSchemaError(line: line, message: "string not closed before the end of the file")
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        ("0"..."9").contains(scalar)
    }

    private static func isIdentifierStart(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || scalar == "_"
    }
}
