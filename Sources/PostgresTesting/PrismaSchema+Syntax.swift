// The syntax tree the parser builds: blocks, fields and attributes as written, before
// PrismaSchemaResolver checks what they mean.

/// An attribute as written, before its meaning is checked: `@default(now())`, `@@index([a])`.
struct RawAttribute {
    /// Without the `@`: `id`, `default`, `db.VarChar`.
    let name: String
    let isBlock: Bool
    let arguments: [RawArgument]
    let line: Int
}

struct RawArgument {
    let label: String?
    let value: RawExpression
}

indirect enum RawExpression {
    case identifier(String)
    case string(String)
    case number(String)
    case call(String, [RawArgument])
    case list([RawExpression])
}

struct RawField {
    let name: String
    let typeName: String
    let isList: Bool
    let isOptional: Bool
    let attributes: [RawAttribute]
    let line: Int
}

struct RawModel {
    let name: String
    let fields: [RawField]
    let blockAttributes: [RawAttribute]
    let line: Int
}

struct RawEnum {
    let name: String
    let values: [String]
    let line: Int
}
