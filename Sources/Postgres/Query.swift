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
    /// Names the statement in errors and logs ("insert workflow"); defaults to the start of the SQL.
    public private(set) var name: String

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
        self.name = name ?? Query.defaultName(for: sql)
    }

    /// The same statement under a name that errors and logs will show.
    public func named(_ name: String) -> Query {
        var copy = self
        copy.name = name
        return copy
    }

    /// The first words of the SQL with whitespace folded: values are never in the text, so it is safe
    /// to show.
    private static func defaultName(for sql: String) -> String {
        let words = sql.split(whereSeparator: \.isWhitespace).prefix(6).joined(separator: " ")
        return words.count > 60 ? String(words.prefix(60)) + "…" : words
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
