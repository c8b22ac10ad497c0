extension Bool: PostgresEncodable, PostgresNonNullDecodable {
    public static var postgresType: PostgresType { .bool }
    public var postgresText: String? { self ? "t" : "f" }

    /// PostgreSQL prints booleans as `t` and `f`.
    public init?(nonNullPostgresText text: String, type: PostgresType) {
        switch text {
        case "t", "true": self = true
        case "f", "false": self = false
        default: return nil
        }
    }

    public static var postgresTypeName: String { "boolean" }
}
