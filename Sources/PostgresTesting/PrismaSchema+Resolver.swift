/// Turns raw blocks into a `PrismaSchema`: resolves type names, reads each attribute's arguments,
/// and checks that what the attributes refer to exists. Every error names the line it is about.
struct PrismaSchemaResolver {
    typealias Field = PrismaSchema.Field
    typealias Model = PrismaSchema.Model

    let enums: [RawEnum]
    let models: [RawModel]

    func resolve() throws(PrismaSchemaError) -> PrismaSchema {
        var seen: [String: Int] = [:]
        for (name, line) in enums.map({ ($0.name, $0.line) }) + models.map({ ($0.name, $0.line) }) {
            if PrismaSchema.Scalar(rawValue: name) != nil {
                throw PrismaSchemaError(line: line, message: "\(name) is a built-in type and cannot be redeclared")
            }
            if let first = seen[name] {
                throw PrismaSchemaError(line: line, message: "\(name) is already declared on line \(first)")
            }
            seen[name] = line
        }
        let resolvedEnums = try enums.map { raw throws(PrismaSchemaError) in
            guard !raw.values.isEmpty else {
                throw PrismaSchemaError(line: raw.line, message: "enum \(raw.name) has no values")
            }
            if let duplicate = raw.values.enumerated().first(where: { raw.values[..<$0.offset].contains($0.element) }) {
                throw PrismaSchemaError(line: raw.line, message: "enum \(raw.name) lists \(duplicate.element) twice")
            }
            return PrismaSchema.Enum(name: raw.name, values: raw.values)
        }
        let enumValues = Dictionary(uniqueKeysWithValues: resolvedEnums.map { ($0.name, $0.values) })
        let modelNames = Set(models.map(\.name))
        let resolvedModels = try models.map { raw throws(PrismaSchemaError) in
            try resolveModel(raw, enumValues: enumValues, modelNames: modelNames)
        }
        for model in resolvedModels {
            try checkRelations(of: model, in: resolvedModels)
        }
        return PrismaSchema(enums: resolvedEnums, models: resolvedModels)
    }

    // MARK: Models

    private func resolveModel(
        _ raw: RawModel, enumValues: [String: [String]], modelNames: Set<String>
    ) throws(PrismaSchemaError) -> Model {
        var fields: [Field] = []
        for rawField in raw.fields {
            if fields.contains(where: { $0.name == rawField.name }) {
                throw PrismaSchemaError(line: rawField.line, message: "model \(raw.name) declares field \(rawField.name) twice")
            }
            fields.append(try PrismaFieldResolver(raw: rawField, enumValues: enumValues, modelNames: modelNames).resolve())
        }
        var model = Model(name: raw.name, fields: fields, compoundID: nil, uniques: [], indexes: [])
        for attribute in raw.blockAttributes {
            let index = try blockIndex(attribute, in: model)
            switch attribute.name {
            case "id":
                guard model.compoundID == nil else {
                    throw PrismaSchemaError(line: attribute.line, message: "model \(raw.name) has a second @@id")
                }
                model.compoundID = index
            case "unique":
                model.uniques.append(index)
            case "index":
                model.indexes.append(index)
            default:
                throw PrismaSchemaError(line: attribute.line, message: "unsupported block attribute @@\(attribute.name)")
            }
        }
        let idFields = fields.filter(\.isID)
        if idFields.count + (model.compoundID == nil ? 0 : 1) > 1 {
            let line = idFields.dropFirst().first?.line ?? model.compoundID?.line ?? raw.line
            throw PrismaSchemaError(line: line, message: "model \(raw.name) has more than one primary key")
        }
        return model
    }

    /// Reads `@@id`, `@@unique` or `@@index`: a field list (first argument or `fields:`) and options.
    private func blockIndex(_ attribute: RawAttribute, in model: Model) throws(PrismaSchemaError) -> PrismaSchema.BlockIndex {
        let line = attribute.line
        var index = PrismaSchema.BlockIndex(columns: [], map: nil, method: nil, line: line)
        var sawFields = false
        for argument in attribute.arguments {
            switch (argument.label, argument.value) {
            case (nil, .list(let elements)), ("fields", .list(let elements)):
                guard !sawFields else { throw PrismaSchemaError(line: line, message: "@@\(attribute.name) lists its fields twice") }
                sawFields = true
                index.columns = try elements.map { element throws(PrismaSchemaError) in
                    try indexColumn(element, in: model, line: line)
                }
            case ("map", .string(let name)):
                index.map = name
            case ("name", .string) where attribute.name != "index":
                // Only names the compound key in Prisma Client; the database never sees it.
                break
            case ("type", .identifier(let method)) where attribute.name == "index":
                index.method = method.lowercased()
            default:
                throw PrismaSchemaError(line: line, message: "unsupported argument \(argument.label.map { "\($0): " } ?? "")in @@\(attribute.name)")
            }
        }
        guard !index.columns.isEmpty else {
            throw PrismaSchemaError(line: line, message: "@@\(attribute.name) needs a non-empty list of fields")
        }
        return index
    }

    /// One entry of a field list: `a`, or `a(sort: Desc)`, which becomes `a DESC`.
    private func indexColumn(_ element: RawExpression, in model: Model, line: Int) throws(PrismaSchemaError) -> String {
        let name: String
        var isDescending = false
        switch element {
        case .identifier(let field):
            name = field
        case .call(let field, let arguments):
            name = field
            for argument in arguments {
                switch (argument.label, argument.value) {
                case ("sort", .identifier("Asc")): isDescending = false
                case ("sort", .identifier("Desc")): isDescending = true
                default: throw PrismaSchemaError(line: line, message: "field \(field): only sort: Asc or Desc is supported here")
                }
            }
        default:
            throw PrismaSchemaError(line: line, message: "expected a field name in the field list")
        }
        guard let field = model.field(named: name) else {
            throw PrismaSchemaError(line: line, message: "model \(model.name) has no field \(name)")
        }
        if case .model = field.type {
            throw PrismaSchemaError(line: line, message: "\(name) is a relation field and has no column; list its scalar fields instead")
        }
        return isDescending ? name + " DESC" : name
    }

    // MARK: Relations

    /// Checks that `fields:` names scalar fields of the model and `references:` scalar fields of
    /// the referenced model, pairwise.
    private func checkRelations(of model: Model, in models: [Model]) throws(PrismaSchemaError) {
        for field in model.fields {
            guard let relation = field.relation, case .model(let targetName) = field.type, field.arity != .list else { continue }
            guard let target = models.first(where: { $0.name == targetName }) else { continue }
            guard relation.fields.count == relation.references.count else {
                throw PrismaSchemaError(line: field.line, message: "relation \(field.name): fields and references differ in length")
            }
            var hasRequiredScalar = false
            for name in relation.fields {
                guard let scalar = model.field(named: name), scalar.type.hasColumn else {
                    throw PrismaSchemaError(line: field.line, message: "relation \(field.name): model \(model.name) has no scalar field \(name)")
                }
                hasRequiredScalar = hasRequiredScalar || scalar.arity == .required
            }
            // Prisma's rule: the relation is optional exactly when all its key fields are; the
            // default ON DELETE depends on it.
            if hasRequiredScalar != (field.arity == .required) {
                let expected = hasRequiredScalar ? "required, as its key fields are" : "optional, as its key fields are"
                throw PrismaSchemaError(line: field.line, message: "relation \(field.name) must be \(expected)")
            }
            for name in relation.references {
                guard let referenced = target.field(named: name), referenced.type.hasColumn else {
                    throw PrismaSchemaError(line: field.line, message: "relation \(field.name): model \(target.name) has no scalar field \(name)")
                }
            }
        }
    }
}

extension PrismaSchema.FieldType {
    /// Scalar and enum fields are columns; relation fields are not.
    var hasColumn: Bool {
        if case .model = self { return false }
        return true
    }
}
