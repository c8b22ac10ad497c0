extension PrismaSchema {
    /// The shape Prisma Migrate gives this schema on PostgreSQL, written the way PostgreSQL's
    /// catalog prints it back, so it can be compared with `CatalogSchema.read(from:)`.
    ///
    /// The names follow Prisma's defaults: `<Model>_pkey`, `<Model>_<fields>_key` for unique
    /// indexes, `<Model>_<fields>_idx` for indexes and `<Model>_<fields>_fkey` for foreign keys,
    /// unless `map:` names them. Prisma shortens names longer than PostgreSQL's 63 bytes; this
    /// does not, so such a name would show up as drift.
    public var expectedShape: DatabaseShape {
        var shape = DatabaseShape()
        for enumeration in enums {
            shape.enums[enumeration.name] = enumeration.values
        }
        for model in models {
            shape.tables[model.name] = expectedTable(for: model)
        }
        return shape
    }

    private func expectedTable(for model: Model) -> DatabaseShape.Table {
        var table = DatabaseShape.Table()
        for field in model.fields where field.type.hasColumn {
            table.columns[field.name] = expectedColumn(for: field, in: model)
        }
        if let id = model.fields.first(where: \.isID) {
            table.primaryKey = .init(name: id.idMap ?? "\(model.name)_pkey", columns: [id.name])
        } else if let id = model.compoundID {
            table.primaryKey = .init(name: id.map ?? "\(model.name)_pkey", columns: id.columns)
        }
        for field in model.fields where field.isUnique {
            table.uniqueIndexes[field.uniqueMap ?? "\(model.name)_\(field.name)_key"] = .init(columns: [field.name])
        }
        for unique in model.uniques {
            table.uniqueIndexes[unique.map ?? defaultName(model, unique.columns, suffix: "key")] = .init(columns: unique.columns)
        }
        for index in model.indexes {
            table.indexes[index.map ?? defaultName(model, index.columns, suffix: "idx")] =
                .init(columns: index.columns, method: index.method ?? "btree")
        }
        for field in model.fields {
            guard let relation = field.relation, !relation.fields.isEmpty, case .model(let target) = field.type else { continue }
            // Prisma's defaults: an optional relation lets the row outlive its parent, a required
            // one forbids deleting the parent; key changes always cascade.
            table.foreignKeys[relation.map ?? defaultName(model, relation.fields, suffix: "fkey")] = .init(
                columns: relation.fields,
                referencedTable: target,
                referencedColumns: relation.references,
                onDelete: relation.onDelete ?? (field.arity == .optional ? .setNull : .restrict),
                onUpdate: relation.onUpdate ?? .cascade
            )
        }
        return table
    }

    private func defaultName(_ model: Model, _ columns: [String], suffix: String) -> String {
        // A column entry may carry " DESC"; the name uses the field alone.
        let fields = columns.map { $0.split(separator: " ").first.map(String.init) ?? $0 }
        return ([model.name] + fields + [suffix]).joined(separator: "_")
    }

    private func expectedColumn(for field: Field, in model: Model) -> DatabaseShape.Column {
        let type: String = switch field.type {
        case .scalar(let scalar): field.nativeType?.resolved?.sqlType ?? scalar.defaultSQLType
        case .enumeration(let name), .model(let name): SQLText.identifier(name)
        }
        return DatabaseShape.Column(
            type: type,
            isNullable: field.arity == .optional,
            defaultValue: field.defaultValue.flatMap { expectedDefault($0, columnType: type, sequence: "\(model.name)_\(field.name)_seq") }
        )
    }

    /// The default as `pg_get_expr` prints what Prisma writes: literals come back with a cast to
    /// the column's type without its modifier (`'x'::character varying`), and SERIAL's sequence
    /// comes back as `nextval('"<Table>_<column>_seq"'::regclass)`.
    private func expectedDefault(_ value: DefaultValue, columnType: String, sequence: String) -> String? {
        switch value {
        case .autoincrement: "nextval(\(SQLText.literal(SQLText.identifier(sequence)))::regclass)"
        case .now: "CURRENT_TIMESTAMP"
        case .string(let text), .enumValue(let text): "\(SQLText.literal(text))::\(SQLText.removingModifier(columnType))"
        case .number(let literal): SQLText.number(literal)
        case .boolean(let value): value ? "true" : "false"
        case .databaseGenerated(let sql): sql
        case .generatedByClient: nil
        }
    }
}

extension PrismaSchema.Scalar {
    /// The column type Prisma Migrate uses when no `@db` attribute says otherwise.
    var defaultSQLType: String {
        switch self {
        case .string: "text"
        case .int: "integer"
        case .bigInt: "bigint"
        case .boolean: "boolean"
        case .dateTime: "timestamp(3) without time zone"
        case .float: "double precision"
        case .decimal: "numeric(65,30)"
        case .json: "jsonb"
        case .bytes: "bytea"
        }
    }
}

extension PrismaSchema.NativeType {
    /// The scalar this `@db` type may annotate and the type `format_type` prints for it; nil for
    /// the native types this parser does not know.
    var resolved: (scalar: PrismaSchema.Scalar, sqlType: String)? {
        func precision(_ base: String, _ suffix: String = "") -> String? {
            switch arguments.count {
            case 0: base + suffix
            case 1: "\(base)(\(arguments[0]))\(suffix)"
            default: nil
            }
        }
        let sqlType: String?
        let scalar: PrismaSchema.Scalar
        switch name {
        case "Text": (scalar, sqlType) = (.string, arguments.isEmpty ? "text" : nil)
        case "VarChar": (scalar, sqlType) = (.string, precision("character varying"))
        case "Char": (scalar, sqlType) = (.string, arguments.isEmpty ? "character(1)" : precision("character"))
        case "Uuid": (scalar, sqlType) = (.string, arguments.isEmpty ? "uuid" : nil)
        case "Timestamptz": (scalar, sqlType) = (.dateTime, precision("timestamp", " with time zone"))
        case "Timestamp": (scalar, sqlType) = (.dateTime, precision("timestamp", " without time zone"))
        case "Date": (scalar, sqlType) = (.dateTime, arguments.isEmpty ? "date" : nil)
        case "JsonB": (scalar, sqlType) = (.json, arguments.isEmpty ? "jsonb" : nil)
        case "Json": (scalar, sqlType) = (.json, arguments.isEmpty ? "json" : nil)
        case "Integer": (scalar, sqlType) = (.int, arguments.isEmpty ? "integer" : nil)
        case "SmallInt": (scalar, sqlType) = (.int, arguments.isEmpty ? "smallint" : nil)
        case "BigInt": (scalar, sqlType) = (.bigInt, arguments.isEmpty ? "bigint" : nil)
        case "DoublePrecision": (scalar, sqlType) = (.float, arguments.isEmpty ? "double precision" : nil)
        case "Boolean": (scalar, sqlType) = (.boolean, arguments.isEmpty ? "boolean" : nil)
        default: return nil
        }
        return sqlType.map { (scalar, $0) }
    }
}
