/// A Swift value that can be bound to a `$n` parameter, in PostgreSQL's text format.
public protocol PostgresEncodable: Sendable {
    /// The parameter's type OID; `.unspecified` lets the server infer it.
    static var postgresType: PostgresType { get }
    /// The text PostgreSQL's input function reads, or nil for SQL NULL.
    var postgresText: String? { get }
}

/// Why a column's text could not become the requested Swift value.
public enum PostgresDecodingFailure: Error, Sendable, Equatable {
    case unexpectedNull
    case invalidText(expected: String)
}

/// A Swift value that can be read from a result column in PostgreSQL's text format.
public protocol PostgresDecodable: Sendable {
    /// Decodes one column value; `text` is nil for SQL NULL.
    static func decode(postgresText text: String?, type: PostgresType) throws(PostgresDecodingFailure) -> Self
}

/// A value that is never NULL: decoding NULL is an error, and only non-NULL text needs parsing.
public protocol PostgresNonNullDecodable: PostgresDecodable {
    /// Parses PostgreSQL's text output; nil when it is not a valid value of this type.
    init?(nonNullPostgresText text: String, type: PostgresType)
    /// Names the expected type in decoding errors.
    static var postgresTypeName: String { get }
}

extension PostgresNonNullDecodable {
    public static func decode(postgresText text: String?, type: PostgresType) throws(PostgresDecodingFailure) -> Self {
        guard let text else { throw .unexpectedNull }
        guard let value = Self(nonNullPostgresText: text, type: type) else {
            throw .invalidText(expected: postgresTypeName)
        }
        return value
    }
}

extension Optional: PostgresEncodable where Wrapped: PostgresEncodable {
    public static var postgresType: PostgresType { Wrapped.postgresType }
    public var postgresText: String? { self?.postgresText }
}

extension Optional: PostgresDecodable where Wrapped: PostgresDecodable {
    public static func decode(postgresText text: String?, type: PostgresType) throws(PostgresDecodingFailure) -> Self {
        guard let text else { return nil }
        return try Wrapped.decode(postgresText: text, type: type)
    }
}

/// A Swift enum stored in a PostgreSQL enum type (Prisma's `enum`): bound with an unspecified type
/// so the server casts the text to the column's enum.
public protocol PostgresEnum: PostgresEncodable, PostgresNonNullDecodable, RawRepresentable where RawValue == String {}

extension PostgresEnum {
    public static var postgresType: PostgresType { .unspecified }
    public var postgresText: String? { rawValue }
    public init?(nonNullPostgresText text: String, type: PostgresType) { self.init(rawValue: text) }
    public static var postgresTypeName: String { String(describing: Self.self) }
}
