import Foundation

/// Reads a `.env` file: `KEY=value` lines, optional `export `, `#` comments, single quotes (taken
/// literally) and double quotes (with `\n`, `\"` and `\\` escapes).
///
/// Errors give the line number and what is wrong, never the line itself: it may hold a token.
public enum DotEnv {
    public struct SyntaxError: Error, Equatable, CustomStringConvertible {
        public let line: Int
        public let reason: String
        public var description: String { ".env line \(line): \(reason)" }
    }

    public static func parse(_ text: String) throws(SyntaxError) -> [String: String] {
        var values: [String: String] = [:]
        for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = offset + 1
            var line = Substring(rawLine.trimmingWhitespace())
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("export ") { line = line.dropFirst(7).drop(while: \.isWhitespace) }
            guard let equals = line.firstIndex(of: "=") else {
                throw SyntaxError(line: number, reason: "expected KEY=value")
            }
            let key = String(line[..<equals]).trimmingWhitespace()
            guard isValidKey(key) else {
                throw SyntaxError(line: number, reason: "the name before '=' must be letters, digits and underscores")
            }
            values[key] = try value(Substring(String(line[line.index(after: equals)...]).trimmingWhitespace()), line: number)
        }
        return values
    }

    private static func isValidKey(_ key: String) -> Bool {
        let scalars = key.unicodeScalars
        guard let first = scalars.first, !("0"..."9").contains(first) else { return false }
        return scalars.allSatisfy { $0 == "_" || ("A"..."Z").contains($0) || ("a"..."z").contains($0) || ("0"..."9").contains($0) }
    }

    private static func value(_ text: Substring, line: Int) throws(SyntaxError) -> String {
        guard let quote = text.first, quote == "\"" || quote == "'" else {
            // Unquoted: an inline comment starts at " #".
            if let comment = text.range(of: " #") {
                return String(text[..<comment.lowerBound]).trimmingWhitespace()
            }
            return String(text)
        }
        var result = ""
        var index = text.index(after: text.startIndex)
        while index < text.endIndex {
            let character = text[index]
            if character == quote {
                let rest = text[text.index(after: index)...].drop(while: \.isWhitespace)
                guard rest.isEmpty || rest.hasPrefix("#") else {
                    throw SyntaxError(line: line, reason: "unexpected text after the closing quote")
                }
                return result
            }
            if quote == "\"", character == "\\", text.index(after: index) < text.endIndex {
                index = text.index(after: index)
                switch text[index] {
                case "n": result.append("\n")
                case "t": result.append("\t")
                default: result.append(text[index])
                }
            } else {
                result.append(character)
            }
            index = text.index(after: index)
        }
        throw SyntaxError(line: line, reason: "the quoted value has no closing \(quote)")
    }
}

extension StringProtocol {
    func trimmingWhitespace() -> String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
