/// Resolves one field line: its type, arity and attributes, and checks that they fit together.
struct PrismaFieldResolver {
    typealias Field = PrismaSchema.Field
    typealias FieldType = PrismaSchema.FieldType

    let raw: RawField
    let enumValues: [String: [String]]
    let modelNames: Set<String>

    func resolve() throws(PrismaSchemaError) -> Field {
        let type = try fieldType()
        if raw.isList, type.hasColumn {
            throw failure("scalar lists (\(raw.typeName)[]) are not supported by this parser")
        }
        let arity: PrismaSchema.Arity = raw.isList ? .list : raw.isOptional ? .optional : .required
        var field = Field(name: raw.name, type: type, arity: arity, line: raw.line)
        var seen = Set<String>()
        for attribute in raw.attributes {
            guard seen.insert(attribute.name).inserted else { throw failure("@\(attribute.name) appears twice") }
            switch attribute.name {
            case "id":
                field.isID = true
                field.idMap = try mapArgument(of: attribute)
            case "unique":
                field.isUnique = true
                field.uniqueMap = try mapArgument(of: attribute)
            case "updatedAt":
                guard attribute.arguments.isEmpty else { throw failure("@updatedAt takes no arguments") }
                field.isUpdatedAt = true
            case "default":
                field.defaultValue = try defaultValue(attribute, type: type)
            case "relation":
                field.relation = try relation(attribute)
            case let name where name.hasPrefix("db."):
                guard field.nativeType == nil else { throw failure("more than one @db type") }
                field.nativeType = try nativeType(attribute, type: type)
            default:
                throw failure("unsupported attribute @\(attribute.name)")
            }
        }
        try checkCombination(of: field)
        return field
    }

    private func fieldType() throws(PrismaSchemaError) -> FieldType {
        if let scalar = PrismaSchema.Scalar(rawValue: raw.typeName) { return .scalar(scalar) }
        if enumValues[raw.typeName] != nil { return .enumeration(raw.typeName) }
        if modelNames.contains(raw.typeName) { return .model(raw.typeName) }
        throw failure("unknown type \(raw.typeName)")
    }

    /// Relation fields carry no column, so column attributes make no sense on them; and this
    /// parser wants every single-valued relation to say which fields hold its key.
    private func checkCombination(of field: Field) throws(PrismaSchemaError) {
        if case .model(let target) = field.type {
            if field.isID || field.isUnique || field.isUpdatedAt || field.defaultValue != nil || field.nativeType != nil {
                throw failure("a relation field has no column, so it takes only @relation")
            }
            if field.arity == .list {
                if let relation = field.relation, !relation.fields.isEmpty || !relation.references.isEmpty {
                    throw failure("a list is the back side of a relation and cannot have fields or references")
                }
            } else {
                guard let relation = field.relation else {
                    throw failure("a relation to \(target) needs @relation(fields: [...], references: [...]) here")
                }
                guard !relation.fields.isEmpty else {
                    throw failure("@relation needs fields: and references: here")
                }
            }
            return
        }
        if field.relation != nil { throw failure("@relation on a field that is not a relation") }
        if field.isID, field.arity == .optional { throw failure("an @id field cannot be optional") }
        if field.isUpdatedAt, field.type != .scalar(.dateTime) { throw failure("@updatedAt needs a DateTime field") }
    }

    // MARK: Attribute arguments

    /// `@id` and `@unique` take only `map:`.
    private func mapArgument(of attribute: RawAttribute) throws(PrismaSchemaError) -> String? {
        var map: String?
        for argument in attribute.arguments {
            guard argument.label == "map", case .string(let name) = argument.value else {
                throw failure("@\(attribute.name) supports only map: \"name\" here")
            }
            map = name
        }
        return map
    }

    private func defaultValue(_ attribute: RawAttribute, type: FieldType) throws(PrismaSchemaError) -> PrismaSchema.DefaultValue {
        guard attribute.arguments.count == 1, let argument = attribute.arguments.first, argument.label == nil else {
            throw failure("@default takes exactly one value")
        }
        let scalar: PrismaSchema.Scalar? = if case .scalar(let scalar) = type { scalar } else { nil }
        func isOneOf(_ allowed: PrismaSchema.Scalar...) -> Bool { scalar.map(allowed.contains) ?? false }
        switch argument.value {
        case .call("autoincrement", let arguments) where arguments.isEmpty && isOneOf(.int, .bigInt):
            return .autoincrement
        case .call("now", let arguments) where arguments.isEmpty && isOneOf(.dateTime):
            return .now
        case .call("dbgenerated", let arguments):
            guard arguments.count == 1, case .string(let sql) = arguments[0].value else {
                throw failure("dbgenerated needs one string of SQL")
            }
            return .databaseGenerated(sql)
        case .call(let function, _) where ["uuid", "cuid", "nanoid", "ulid"].contains(function) && isOneOf(.string):
            return .generatedByClient(function)
        case .string(let value) where isOneOf(.string, .json, .dateTime, .bytes):
            return .string(value)
        case .number(let literal) where isOneOf(.float, .decimal):
            return .number(literal)
        case .number(let literal) where isOneOf(.int, .bigInt) && Int64(literal) != nil:
            return .number(literal)
        case .identifier("true") where isOneOf(.boolean):
            return .boolean(true)
        case .identifier("false") where isOneOf(.boolean):
            return .boolean(false)
        case .identifier(let value):
            guard case .enumeration(let name) = type else { break }
            guard enumValues[name]?.contains(value) == true else { throw failure("enum \(name) has no value \(value)") }
            return .enumValue(value)
        default:
            break
        }
        throw failure("this @default value does not fit a field of type \(raw.typeName)")
    }

    private func relation(_ attribute: RawAttribute) throws(PrismaSchemaError) -> PrismaSchema.Relation {
        var relation = PrismaSchema.Relation(name: nil, fields: [], references: [])
        for argument in attribute.arguments {
            switch (argument.label, argument.value) {
            case (nil, .string(let name)), ("name", .string(let name)):
                relation.name = name
            case ("fields", .list(let elements)):
                relation.fields = try identifiers(elements, in: "fields")
            case ("references", .list(let elements)):
                relation.references = try identifiers(elements, in: "references")
            case ("onDelete", .identifier(let action)):
                relation.onDelete = try referentialAction(action)
            case ("onUpdate", .identifier(let action)):
                relation.onUpdate = try referentialAction(action)
            case ("map", .string(let name)):
                relation.map = name
            default:
                throw failure("unsupported argument \(argument.label.map { "\($0): " } ?? "")in @relation")
            }
        }
        return relation
    }

    private func identifiers(_ elements: [RawExpression], in label: String) throws(PrismaSchemaError) -> [String] {
        try elements.map { element throws(PrismaSchemaError) in
            guard case .identifier(let name) = element else { throw failure("\(label): expected field names") }
            return name
        }
    }

    private func referentialAction(_ name: String) throws(PrismaSchemaError) -> DatabaseShape.ReferentialAction {
        switch name {
        case "Cascade": .cascade
        case "Restrict": .restrict
        case "NoAction": .noAction
        case "SetNull": .setNull
        case "SetDefault": .setDefault
        default: throw failure("unknown referential action \(name); expected Cascade, Restrict, NoAction, SetNull or SetDefault")
        }
    }

    private func nativeType(_ attribute: RawAttribute, type: FieldType) throws(PrismaSchemaError) -> PrismaSchema.NativeType {
        let name = String(attribute.name.dropFirst("db.".count))
        let arguments = try attribute.arguments.map { argument throws(PrismaSchemaError) in
            guard argument.label == nil, case .number(let literal) = argument.value, let value = Int(literal) else {
                throw failure("@\(attribute.name) takes whole numbers only")
            }
            return value
        }
        let native = PrismaSchema.NativeType(name: name, arguments: arguments)
        guard let resolved = native.resolved else {
            throw failure("unsupported native type @\(attribute.name)\(arguments.isEmpty ? "" : "(\(arguments.map(String.init).joined(separator: ", ")))")")
        }
        guard type == .scalar(resolved.scalar) else {
            throw failure("@\(attribute.name) fits a \(resolved.scalar.rawValue) field, not \(raw.typeName)")
        }
        return native
    }

    private func failure(_ message: String) -> PrismaSchemaError {
        PrismaSchemaError(line: raw.line, message: "field \(raw.name): \(message)")
    }
}
