extension Int: PostgresEncodable, PostgresNonNullDecodable {
    /// Bound as int8: PostgreSQL compares and assigns int8 to int4 columns without a cast.
    public static var postgresType: PostgresType { .int8 }
    public var postgresText: String? { String(self) }
    public init?(nonNullPostgresText text: String, type: PostgresType) { self.init(text) }
    public static var postgresTypeName: String { "integer" }
}

extension Int64: PostgresEncodable, PostgresNonNullDecodable {
    public static var postgresType: PostgresType { .int8 }
    public var postgresText: String? { String(self) }
    public init?(nonNullPostgresText text: String, type: PostgresType) { self.init(text) }
    public static var postgresTypeName: String { "bigint" }
}

extension Int32: PostgresEncodable, PostgresNonNullDecodable {
    public static var postgresType: PostgresType { .int4 }
    public var postgresText: String? { String(self) }
    public init?(nonNullPostgresText text: String, type: PostgresType) { self.init(text) }
    public static var postgresTypeName: String { "integer (32-bit)" }
}

extension Double: PostgresEncodable, PostgresNonNullDecodable {
    public static var postgresType: PostgresType { .float8 }
    public var postgresText: String? { String(self) }
    public init?(nonNullPostgresText text: String, type: PostgresType) { self.init(text) }
    public static var postgresTypeName: String { "double precision" }
}
