public import struct Foundation.UUID

extension UUID: PostgresEncodable, PostgresNonNullDecodable {
    public static var postgresType: PostgresType { .uuid }
    public var postgresText: String? { uuidString.lowercased() }
    public init?(nonNullPostgresText text: String, type: PostgresType) { self.init(uuidString: text) }
    public static var postgresTypeName: String { "uuid" }
}
