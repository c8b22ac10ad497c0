import Foundation

/// The part of a `schema.prisma` that decides what PostgreSQL holds: enums and models.
///
/// It covers the subset this project writes. Anything outside it (an unknown attribute, `@map`,
/// a scalar list, a composite `type`) is a parse error rather than something skipped, because a
/// skipped attribute could rename or retype a column and the drift check would then compare the
/// database against the wrong expectation.
public struct PrismaSchema: Sendable, Equatable {
    public var enums: [Enum]
    public var models: [Model]

    public init(enums: [Enum], models: [Model]) {
        self.enums = enums
        self.models = models
    }

    /// Parses schema text; `generator` and `datasource` blocks and `//` comments are skipped.
    public init(parsing text: String) throws(PrismaSchemaError) {
        var parser = PrismaSchemaParser(text: text)
        self = try parser.parse()
    }

    /// Reads and parses the file at `path` (for the repository's, `PackageRoot.path("Prisma/schema.prisma")`).
    public static func load(from path: String) throws -> PrismaSchema {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return try PrismaSchema(parsing: String(decoding: data, as: UTF8.self))
    }

    public func model(named name: String) -> Model? {
        models.first { $0.name == name }
    }

    public struct Enum: Sendable, Equatable {
        public var name: String
        /// In declaration order, which is also PostgreSQL's sort order for the type.
        public var values: [String]

        public init(name: String, values: [String]) {
            self.name = name
            self.values = values
        }
    }

    public struct Model: Sendable, Equatable {
        public var name: String
        public var fields: [Field]
        /// `@@id([...])`, for a key over several fields; a single-field key is `Field.isID`.
        public var compoundID: BlockIndex?
        /// `@@unique([...])`.
        public var uniques: [BlockIndex]
        /// `@@index([...])`.
        public var indexes: [BlockIndex]

        public func field(named name: String) -> Field? {
            fields.first { $0.name == name }
        }
    }

    /// The column list of a block attribute, plus the options that change what PostgreSQL gets.
    public struct BlockIndex: Sendable, Equatable {
        /// Field names, each followed by ` DESC` when declared `(sort: Desc)`.
        public var columns: [String]
        /// `map:`, the database name when it is not Prisma's default.
        public var map: String?
        /// `type:` of `@@index` (Hash, Gist, ...), lowercased as PostgreSQL names the access method.
        public var method: String?
        /// The line of the attribute, for errors found after parsing.
        public var line: Int
    }

    public struct Field: Sendable, Equatable {
        public var name: String
        public var type: FieldType
        public var arity: Arity
        public var isID: Bool = false
        public var isUnique: Bool = false
        /// `@updatedAt`: Prisma Client writes the time, so the column gets no default.
        public var isUpdatedAt: Bool = false
        public var defaultValue: DefaultValue?
        public var relation: Relation?
        public var nativeType: NativeType?
        /// `map:` of `@id` or `@unique`.
        public var idMap: String?
        public var uniqueMap: String?
        /// Where the field is declared, for errors found after parsing.
        public var line: Int
    }

    public enum FieldType: Sendable, Equatable {
        case scalar(Scalar)
        case enumeration(String)
        /// A relation field: it has no column of its own.
        case model(String)
    }

    public enum Scalar: String, Sendable, Equatable, CaseIterable {
        case string = "String"
        case int = "Int"
        case bigInt = "BigInt"
        case boolean = "Boolean"
        case dateTime = "DateTime"
        case float = "Float"
        case decimal = "Decimal"
        case json = "Json"
        case bytes = "Bytes"
    }

    public enum Arity: Sendable, Equatable {
        case required
        /// `Type?`: the column is nullable.
        case optional
        /// `Type[]`: only for back relations here.
        case list
    }

    public enum DefaultValue: Sendable, Equatable {
        case autoincrement
        case now
        case string(String)
        /// The literal as written, so PostgreSQL's rendering of it can be reproduced exactly.
        case number(String)
        case boolean(Bool)
        case enumValue(String)
        /// `dbgenerated("...")`: the SQL expression as written.
        case databaseGenerated(String)
        /// `uuid()`, `cuid()` and the like: Prisma Client fills them in, so the column has no default.
        case generatedByClient(String)
    }

    public struct Relation: Sendable, Equatable {
        public var name: String?
        /// The scalar fields holding the key; empty on the side without the foreign key.
        public var fields: [String]
        public var references: [String]
        public var onDelete: DatabaseShape.ReferentialAction?
        public var onUpdate: DatabaseShape.ReferentialAction?
        public var map: String?

        public init(
            name: String? = nil,
            fields: [String],
            references: [String],
            onDelete: DatabaseShape.ReferentialAction? = nil,
            onUpdate: DatabaseShape.ReferentialAction? = nil,
            map: String? = nil
        ) {
            self.name = name
            self.fields = fields
            self.references = references
            self.onDelete = onDelete
            self.onUpdate = onUpdate
            self.map = map
        }
    }

    /// `@db.Name(arguments)`, e.g. `@db.VarChar(255)`.
    public struct NativeType: Sendable, Equatable {
        public var name: String
        public var arguments: [Int]
    }
}

/// A schema the parser cannot read; `line` is 1-based.
public struct PrismaSchemaError: Error, Sendable, Equatable, CustomStringConvertible {
    public let line: Int
    public let message: String

    public var description: String { "schema.prisma line \(line): \(message)" }
}
