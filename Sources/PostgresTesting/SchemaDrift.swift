public import Postgres

/// Compares what schema.prisma says the database looks like with what PostgreSQL actually has.
///
/// No Prisma CLI runs in the build, so nothing else notices when `Prisma/schema.prisma` and
/// `Prisma/migrations` fall out of step; a test that migrates an empty database and expects no
/// differences does.
public enum SchemaDrift {
    /// Parses the schema at `schemaPath` and compares it with the database behind `pool`,
    /// which should already be migrated. An empty result means no drift.
    /// - Parameter partialIndexes: indexes the migrations add that Prisma cannot describe (a
    ///   partial index has no schema.prisma syntax). They are expected exactly as given, so one
    ///   that is missing or has another predicate is still reported.
    public static func check(schemaAt schemaPath: String, against pool: PostgresPool,
                             partialIndexes: [PartialIndex] = []) async throws -> [SchemaDifference] {
        let expected = try PrismaSchema.load(from: schemaPath).expectedShape.including(partialIndexes)
        return differences(expected: expected, actual: try await CatalogSchema.read(from: pool))
    }

    /// Every difference between two shapes, in a stable order: enums, then tables by name, and
    /// within a table columns, primary key, unique indexes, indexes, foreign keys, constraints.
    /// A table missing on either side is one difference, not one per column.
    public static func differences(expected: DatabaseShape, actual: DatabaseShape) -> [SchemaDifference] {
        var found: [SchemaDifference] = []
        for name in Set(expected.enums.keys).union(actual.enums.keys).sorted() {
            found += enumDifferences(name, expected: expected.enums[name], actual: actual.enums[name])
        }
        for name in Set(expected.tables.keys).union(actual.tables.keys).sorted() {
            switch (expected.tables[name], actual.tables[name]) {
            case (let expected?, let actual?):
                found += tableDifferences(name, expected: expected, actual: actual)
            case (let expected?, nil):
                found.append(.init(.missingInDatabase, "table", name, detail: columnCount(expected)))
            case (nil, let actual?):
                found.append(.init(.extraInDatabase, "table", name, detail: columnCount(actual)))
            case (nil, nil):
                break
            }
        }
        return found
    }

    private static func enumDifferences(_ name: String, expected: [String]?, actual: [String]?) -> [SchemaDifference] {
        guard let expected, let actual else {
            let values = "(\((expected ?? actual ?? []).joined(separator: ", ")))"
            return [.init(expected == nil ? .extraInDatabase : .missingInDatabase, "enum", name, detail: values)]
        }
        var found: [SchemaDifference] = []
        for value in expected where !actual.contains(value) {
            found.append(.init(.missingInDatabase, "enum value", "\(name).\(value)"))
        }
        for value in actual where !expected.contains(value) {
            found.append(.init(.extraInDatabase, "enum value", "\(name).\(value)"))
        }
        // Order matters to PostgreSQL (it sorts and compares enum values by it), so a reordering
        // is drift even when the labels agree.
        if found.isEmpty, expected != actual {
            found.append(.init(.mismatch, "enum", name, detail: "schema.prisma says (\(expected.joined(separator: ", "))), database has (\(actual.joined(separator: ", ")))"))
        }
        return found
    }

    private static func tableDifferences(_ table: String, expected: DatabaseShape.Table, actual: DatabaseShape.Table) -> [SchemaDifference] {
        var found = columnDifferences(table, expected: expected.columns, actual: actual.columns)
        switch (expected.primaryKey, actual.primaryKey) {
        case (let expected?, let actual?) where expected != actual:
            found.append(.init(.mismatch, "primary key", "of \(table)", detail: "schema.prisma says \(describe(expected)), database has \(describe(actual))"))
        case (let expected?, nil):
            found.append(.init(.missingInDatabase, "primary key", expected.name, detail: "on \(table) \(list(expected.columns))"))
        case (nil, let actual?):
            found.append(.init(.extraInDatabase, "primary key", actual.name, detail: "on \(table) \(list(actual.columns))"))
        default:
            break
        }
        found += namedDifferences("unique index", table, expected.uniqueIndexes, actual.uniqueIndexes, describe: describe)
        found += namedDifferences("index", table, expected.indexes, actual.indexes, describe: describe)
        found += namedDifferences("foreign key", table, expected.foreignKeys, actual.foreignKeys, describe: describe)
        found += namedDifferences("check constraint", table, expected.checkConstraints, actual.checkConstraints) { $0 }
        return found
    }

    private static func columnDifferences(
        _ table: String, expected: [String: DatabaseShape.Column], actual: [String: DatabaseShape.Column]
    ) -> [SchemaDifference] {
        var found: [SchemaDifference] = []
        for name in Set(expected.keys).union(actual.keys).sorted() {
            let subject = "\(table).\(name)"
            switch (expected[name], actual[name]) {
            case (let expected?, let actual?):
                if !sameType(expected.type, actual.type) || expected.isNullable != actual.isNullable {
                    found.append(.init(.mismatch, "column", subject, detail: "schema.prisma says \(describeType(expected)), database has \(describeType(actual))"))
                }
                if expected.defaultValue != actual.defaultValue {
                    found.append(.init(.mismatch, "column", subject, detail: "schema.prisma says \(describeDefault(expected)), database has \(describeDefault(actual))"))
                }
            case (let expected?, nil):
                found.append(.init(.missingInDatabase, "column", subject, detail: "(\(describeType(expected)))"))
            case (nil, let actual?):
                found.append(.init(.extraInDatabase, "column", subject, detail: "(\(describeType(actual)))"))
            case (nil, nil):
                break
            }
        }
        return found
    }

    /// Missing, extra and differing entries of one kind of named thing on one table.
    private static func namedDifferences<Value: Equatable>(
        _ object: String, _ table: String, _ expected: [String: Value], _ actual: [String: Value], describe: (Value) -> String
    ) -> [SchemaDifference] {
        var found: [SchemaDifference] = []
        for name in Set(expected.keys).union(actual.keys).sorted() {
            switch (expected[name], actual[name]) {
            case (let expected?, let actual?) where expected != actual:
                found.append(.init(.mismatch, object, name, detail: "schema.prisma says \(describe(expected)), database has \(describe(actual))"))
            case (let expected?, nil):
                found.append(.init(.missingInDatabase, object, name, detail: "on \(table) \(describe(expected))"))
            case (nil, let actual?):
                found.append(.init(.extraInDatabase, object, name, detail: "on \(table) \(describe(actual))"))
            default:
                break
            }
        }
        return found
    }

    /// `timestamp(6)` and plain `timestamp` are the same type: 6 is PostgreSQL's default
    /// precision, and introspection tools write either.
    private static func sameType(_ left: String, _ right: String) -> Bool {
        func normalized(_ type: String) -> String {
            type.replacing("timestamp(6)", with: "timestamp").replacing("time(6)", with: "time")
        }
        return normalized(left) == normalized(right)
    }

    // MARK: Descriptions

    private static func columnCount(_ table: DatabaseShape.Table) -> String {
        table.columns.count == 1 ? "(1 column)" : "(\(table.columns.count) columns)"
    }

    private static func describeType(_ column: DatabaseShape.Column) -> String {
        "\(column.isNullable ? "nullable" : "NOT NULL") \(column.type)"
    }

    private static func describeDefault(_ column: DatabaseShape.Column) -> String {
        column.defaultValue.map { "default \($0)" } ?? "no default"
    }

    private static func describe(_ key: DatabaseShape.PrimaryKey) -> String {
        "\(key.name) \(list(key.columns))"
    }

    private static func describe(_ index: DatabaseShape.Index) -> String {
        var text = list(index.columns)
        if index.method != "btree" { text = "USING \(index.method) " + text }
        if let predicate = index.predicate { text += " WHERE \(predicate)" }
        return text
    }

    private static func describe(_ key: DatabaseShape.ForeignKey) -> String {
        "\(list(key.columns)) REFERENCES \(key.referencedTable) \(list(key.referencedColumns)) "
            + "ON DELETE \(key.onDelete.rawValue) ON UPDATE \(key.onUpdate.rawValue)"
    }

    private static func list(_ columns: [String]) -> String {
        "(\(columns.joined(separator: ", ")))"
    }
}
