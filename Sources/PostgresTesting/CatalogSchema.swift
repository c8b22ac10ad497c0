import Foundation
public import Postgres

/// Reads what a database actually holds, from `pg_catalog`, as a `DatabaseShape`.
///
/// The catalog rather than `information_schema`, because only the catalog has index predicates,
/// key column order and `format_type`'s exact type text. Everything comes through one session,
/// so the five queries see the same committed state when nothing else is migrating.
public enum CatalogSchema {
    /// Prisma Migrate's own bookkeeping, which no schema.prisma describes.
    public static let migrationsTable = "_prisma_migrations"

    /// Reads enums, tables, columns, keys, indexes and constraints of one schema (`public` by
    /// default, where Prisma puts everything), leaving out `_prisma_migrations`.
    public static func read(from pool: PostgresPool, schema: String = "public") async throws -> DatabaseShape {
        try await pool.withConnection { connection in
            var shape = DatabaseShape()
            for row in try await connection.query(enumsQuery(schema), named: "read enums").rows {
                shape.enums[try row.decode("name", as: String.self), default: []].append(try row.decode("label"))
            }
            for row in try await connection.query(tablesQuery(schema), named: "read tables").rows {
                shape.tables[try row.decode("table_name", as: String.self)] = DatabaseShape.Table()
            }
            for row in try await connection.query(columnsQuery(schema), named: "read columns").rows {
                let column = DatabaseShape.Column(
                    type: try row.decode("type"),
                    isNullable: !(try row.decode("not_null", as: Bool.self)),
                    defaultValue: try row.decode("default_value")
                )
                shape.tables[try row.decode("table_name"), default: .init()].columns[try row.decode("column_name")] = column
            }
            for row in try await connection.query(constraintsQuery(schema), named: "read constraints").rows {
                try addConstraint(row, to: &shape)
            }
            for row in try await connection.query(indexesQuery(schema), named: "read indexes").rows {
                let name: String = try row.decode("name")
                let index = DatabaseShape.Index(
                    columns: try names(in: row, "columns"),
                    method: try row.decode("method"),
                    predicate: try row.decode("predicate")
                )
                let table: String = try row.decode("table_name")
                if try row.decode("is_unique", as: Bool.self) {
                    shape.tables[table, default: .init()].uniqueIndexes[name] = index
                } else {
                    shape.tables[table, default: .init()].indexes[name] = index
                }
            }
            return shape
        }
    }

    private static func addConstraint(_ row: Row, to shape: inout DatabaseShape) throws {
        let name: String = try row.decode("name")
        let table: String = try row.decode("table_name")
        switch try row.decode("kind", as: String.self) {
        case "p":
            shape.tables[table, default: .init()].primaryKey = .init(name: name, columns: try names(in: row, "columns"))
        case "f":
            shape.tables[table, default: .init()].foreignKeys[name] = .init(
                columns: try names(in: row, "columns"),
                referencedTable: try row.decode("referenced_table"),
                referencedColumns: try names(in: row, "referenced_columns"),
                onDelete: try action(row, "on_delete"),
                onUpdate: try action(row, "on_update")
            )
        default:
            shape.tables[table, default: .init()].checkConstraints[name] = try row.decode("definition")
        }
    }

    /// `confdeltype`/`confupdtype` letters, as documented for `pg_constraint`.
    private static func action(_ row: Row, _ column: String) throws -> DatabaseShape.ReferentialAction {
        switch try row.decode(column, as: String.self) {
        case "a": return .noAction
        case "r": return .restrict
        case "c": return .cascade
        case "n": return .setNull
        case "d": return .setDefault
        case let letter: throw UnknownCatalogValue(column: column, value: letter)
        }
    }

    /// Column lists arrive as JSON arrays (`json_agg`), which survive any character in a name.
    private static func names(in row: Row, _ column: String) throws -> [String] {
        guard let text = try row.decode(column, as: String?.self) else { return [] }
        return try JSONDecoder().decode([String].self, from: Data(text.utf8))
    }

    // MARK: Queries

    private static func enumsQuery(_ schema: String) -> Query {
        """
        SELECT t.typname::text AS name, e.enumlabel::text AS label
        FROM pg_type t
        JOIN pg_namespace n ON n.oid = t.typnamespace
        JOIN pg_enum e ON e.enumtypid = t.oid
        WHERE n.nspname = \(schema)
        ORDER BY t.typname, e.enumsortorder
        """
    }

    private static func tablesQuery(_ schema: String) -> Query {
        """
        SELECT c.relname::text AS table_name
        FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = \(schema) AND c.relkind IN ('r', 'p') AND NOT c.relispartition
          AND c.relname <> \(migrationsTable)
        """
    }

    private static func columnsQuery(_ schema: String) -> Query {
        """
        SELECT c.relname::text AS table_name, a.attname::text AS column_name,
               format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS not_null,
               pg_get_expr(d.adbin, d.adrelid) AS default_value
        FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
        LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
        WHERE n.nspname = \(schema) AND c.relkind IN ('r', 'p') AND NOT c.relispartition
          AND c.relname <> \(migrationsTable)
        """
    }

    /// Primary keys, foreign keys, and CHECK/EXCLUDE constraints. UNIQUE constraints are left to
    /// the index query: their backing index is what Prisma's unique indexes compare with.
    private static func constraintsQuery(_ schema: String) -> Query {
        """
        SELECT con.conname::text AS name, c.relname::text AS table_name, con.contype::text AS kind,
               (SELECT json_agg(a.attname ORDER BY k.ord)
                  FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
                  JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum)::text AS columns,
               rc.relname::text AS referenced_table,
               (SELECT json_agg(a.attname ORDER BY k.ord)
                  FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, ord)
                  JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum)::text AS referenced_columns,
               con.confdeltype::text AS on_delete, con.confupdtype::text AS on_update,
               pg_get_constraintdef(con.oid) AS definition
        FROM pg_constraint con
        JOIN pg_class c ON c.oid = con.conrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_class rc ON rc.oid = con.confrelid
        WHERE n.nspname = \(schema) AND con.contype IN ('p', 'f', 'c', 'x')
          AND c.relname <> \(migrationsTable)
        """
    }

    /// Every index except those behind a primary key or an exclusion constraint (both reported as
    /// constraints). Key columns only, in order; an expression column appears as its SQL and a
    /// descending one gets ` DESC`, so either differs from anything Prisma would create.
    private static func indexesQuery(_ schema: String) -> Query {
        """
        SELECT ic.relname::text AS name, c.relname::text AS table_name, i.indisunique AS is_unique,
               am.amname::text AS method, pg_get_expr(i.indpred, i.indrelid) AS predicate,
               (SELECT json_agg(
                         COALESCE(a.attname::text, pg_get_indexdef(i.indexrelid, k.ord::int, true))
                         || CASE WHEN k.option & 1 = 1 THEN ' DESC' ELSE '' END
                         ORDER BY k.ord)
                  FROM unnest(i.indkey::int2[], i.indoption::int2[]) WITH ORDINALITY AS k(attnum, option, ord)
                  LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum AND k.attnum > 0
                  WHERE k.ord <= i.indnkeyatts)::text AS columns
        FROM pg_index i
        JOIN pg_class ic ON ic.oid = i.indexrelid
        JOIN pg_class c ON c.oid = i.indrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_am am ON am.oid = ic.relam
        WHERE n.nspname = \(schema) AND NOT i.indisprimary AND NOT i.indisexclusion
          AND c.relname <> \(migrationsTable)
        """
    }
}

/// A catalog column held a value this reader does not know, such as a new referential action letter.
public struct UnknownCatalogValue: Error, CustomStringConvertible {
    public let column: String
    public let value: String
    public var description: String { "catalog column \(column) has unknown value \(value)" }
}
