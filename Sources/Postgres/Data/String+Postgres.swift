extension String: PostgresEncodable, PostgresNonNullDecodable {
    public static var postgresType: PostgresType { .text }
    public var postgresText: String? { self }
    public init?(nonNullPostgresText text: String, type: PostgresType) { self = text }
    public static var postgresTypeName: String { "text" }
}
