/// A SQL statement whose values travel as `$n` parameters, never as SQL text.
///
/// Interpolating a value binds it: `"SELECT * FROM \"Workflow\" WHERE id = \(id)"` sends
/// `... WHERE id = $1` with `id` as parameter 1. Only identifiers (quoted and escaped) may be
/// interpolated into the text itself; raw SQL from elsewhere needs the loudly named `init(unsafeSQL:)`.
public struct Query: Sendable, ExpressibleByStringInterpolation {
    public struct Bind: Sendable {
        public let type: PostgresType
        public let text: String?
    }

    public private(set) var sql: String
    public private(set) var binds: [Bind]
    /// Names the statement in errors and logs ("insert workflow"); defaults to the start of the SQL,
    /// made only when asked for (an error, a log line): every statement would otherwise pay for it.
    public var name: String { givenName ?? Query.defaultName(for: sql) }
    private var givenName: String?

    public init(stringLiteral value: String) {
        self.init(sql: value, binds: [], name: nil)
    }

    public init(stringInterpolation: StringInterpolation) {
        self.init(sql: stringInterpolation.sql, binds: stringInterpolation.binds, name: nil)
    }

    /// SQL text used as is. Never pass text that contains a value from outside.
    public init(unsafeSQL sql: String) {
        self.init(sql: sql, binds: [], name: nil)
    }

    private init(sql: String, binds: [Bind], name: String?) {
        self.sql = sql
        self.binds = binds
        self.givenName = name
    }

    /// The same statement under a name that errors and logs will show.
    public func named(_ name: String) -> Query {
        var copy = self
        copy.givenName = name
        return copy
    }

    /// The first six words of the SQL with whitespace folded: values are never in the text, so it is
    /// safe to show. Reads no further than those words (splitting the whole text by `Character`
    /// was a third of the bot's instructions per interaction when every statement was named so);
    /// SQL's whitespace is ASCII, so the scan is over bytes.
    static func defaultName(for sql: String) -> String {
        var words: [Substring] = []
        let utf8 = sql.utf8
        var index = utf8.startIndex
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
        while words.count < 6, index < utf8.endIndex {
            guard let start = utf8[index...].firstIndex(where: { !isSpace($0) }) else { break }
            let end = utf8[start...].firstIndex(where: isSpace) ?? utf8.endIndex
            words.append(sql[start..<end])
            index = end
        }
        let joined = words.joined(separator: " ")
        return joined.count > 60 ? String(joined.prefix(60)) + "…" : joined
    }

    public struct StringInterpolation: StringInterpolationProtocol {
        fileprivate var sql = ""
        fileprivate var binds: [Bind] = []

        public init(literalCapacity: Int, interpolationCount: Int) {
            sql.reserveCapacity(literalCapacity + interpolationCount * 3)
            binds.reserveCapacity(interpolationCount)
        }

        public mutating func appendLiteral(_ literal: String) {
            sql += literal
        }

        /// Binds `value` as the next `$n` parameter.
        public mutating func appendInterpolation<Value: PostgresEncodable>(_ value: Value) {
            binds.append(Bind(type: Value.postgresType, text: value.postgresText))
            sql += "$\(binds.count)"
        }

        /// Binds an optional value: NULL when nil. (Its own overload, so an optional is bound on
        /// purpose rather than through the compiler's optional-in-interpolation path.)
        public mutating func appendInterpolation<Value: PostgresEncodable>(_ value: Value?) {
            binds.append(Bind(type: Value.postgresType, text: value?.postgresText))
            sql += "$\(binds.count)"
        }

        /// Writes SQL text as is: for constant fragments such as a shared column list, never for a
        /// value from outside.
        public mutating func appendInterpolation(unsafeSQL text: String) {
            sql += text
        }

        /// Writes a quoted identifier (a table or column name), doubling any quote inside it.
        public mutating func appendInterpolation(identifier: String) {
            sql += "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
    }
}

extension String {
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
