/// What a database schema looks like, normalized so that the shape Prisma would create and the
/// shape PostgreSQL reports can be compared with `==` and diffed part by part.
///
/// Strings are written the way PostgreSQL prints them (`format_type`, `pg_get_expr`), because the
/// catalog side cannot be rewritten into Prisma's terms without losing what actually differs.
/// Column order is not part of the shape: PostgreSQL appends added columns at the end, so a schema
/// that lists a later column in the middle is not drift.
public struct DatabaseShape: Sendable, Equatable {
    /// Enum type name → labels in sort order.
    public var enums: [String: [String]]
    /// Table name → its shape; `_prisma_migrations` is never included.
    public var tables: [String: Table]

    public init(enums: [String: [String]] = [:], tables: [String: Table] = [:]) {
        self.enums = enums
        self.tables = tables
    }

    public struct Table: Sendable, Equatable {
        public var columns: [String: Column]
        public var primaryKey: PrimaryKey?
        /// Unique indexes by name, including those behind UNIQUE constraints.
        public var uniqueIndexes: [String: Index]
        /// Non-unique indexes by name.
        public var indexes: [String: Index]
        public var foreignKeys: [String: ForeignKey]
        /// CHECK and EXCLUDE constraints by name, as `pg_get_constraintdef` prints them. Prisma
        /// never creates one, so any found is reported as extra.
        public var checkConstraints: [String: String]

        public init(
            columns: [String: Column] = [:],
            primaryKey: PrimaryKey? = nil,
            uniqueIndexes: [String: Index] = [:],
            indexes: [String: Index] = [:],
            foreignKeys: [String: ForeignKey] = [:],
            checkConstraints: [String: String] = [:]
        ) {
            self.columns = columns
            self.primaryKey = primaryKey
            self.uniqueIndexes = uniqueIndexes
            self.indexes = indexes
            self.foreignKeys = foreignKeys
            self.checkConstraints = checkConstraints
        }
    }

    public struct Column: Sendable, Equatable {
        /// As `format_type` prints it: `text`, `timestamp(3) without time zone`, `"WorkflowStatus"`.
        public var type: String
        public var isNullable: Bool
        /// As `pg_get_expr` prints it: `CURRENT_TIMESTAMP`, `'PENDING'::"WorkflowStatus"`.
        public var defaultValue: String?

        public init(type: String, isNullable: Bool, defaultValue: String? = nil) {
            self.type = type
            self.isNullable = isNullable
            self.defaultValue = defaultValue
        }
    }

    public struct PrimaryKey: Sendable, Equatable {
        public var name: String
        public var columns: [String]

        public init(name: String, columns: [String]) {
            self.name = name
            self.columns = columns
        }
    }

    public struct Index: Sendable, Equatable {
        /// Key columns in order; a descending one ends in ` DESC`, an expression appears as its SQL.
        public var columns: [String]
        /// The access method, `btree` unless Prisma's `type:` says otherwise.
        public var method: String
        /// The WHERE clause of a partial index; Prisma never writes one.
        public var predicate: String?

        public init(columns: [String], method: String = "btree", predicate: String? = nil) {
            self.columns = columns
            self.method = method
            self.predicate = predicate
        }
    }

    public struct ForeignKey: Sendable, Equatable {
        public var columns: [String]
        public var referencedTable: String
        public var referencedColumns: [String]
        public var onDelete: ReferentialAction
        public var onUpdate: ReferentialAction

        public init(
            columns: [String],
            referencedTable: String,
            referencedColumns: [String],
            onDelete: ReferentialAction,
            onUpdate: ReferentialAction
        ) {
            self.columns = columns
            self.referencedTable = referencedTable
            self.referencedColumns = referencedColumns
            self.onDelete = onDelete
            self.onUpdate = onUpdate
        }
    }

    /// What a foreign key does when the referenced row goes or changes; the raw value is the SQL.
    public enum ReferentialAction: String, Sendable, Equatable {
        case noAction = "NO ACTION"
        case restrict = "RESTRICT"
        case cascade = "CASCADE"
        case setNull = "SET NULL"
        case setDefault = "SET DEFAULT"
    }
}
