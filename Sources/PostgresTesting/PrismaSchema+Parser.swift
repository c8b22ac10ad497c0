/// Reads schema text into raw blocks (syntax only), then hands them to `PrismaSchemaResolver`,
/// which checks what they mean. Keeping the two apart keeps each readable.
struct PrismaSchemaParser {
    private let text: String
    private var tokens: [PrismaToken] = []
    private var position = 0

    init(text: String) {
        self.text = text
    }

    mutating func parse() throws(PrismaSchemaError) -> PrismaSchema {
        tokens = try PrismaLexer.tokens(in: text)
        position = 0
        var enums: [RawEnum] = []
        var models: [RawModel] = []
        while true {
            skipNewlines()
            let token = advance()
            switch token.kind {
            case .end:
                return try PrismaSchemaResolver(enums: enums, models: models).resolve()
            case .identifier("enum"):
                enums.append(try parseEnum(line: token.line))
            case .identifier("model"):
                models.append(try parseModel(line: token.line))
            case .identifier("generator"), .identifier("datasource"):
                try skipBlock()
            case .identifier(let keyword) where keyword == "type" || keyword == "view":
                throw PrismaSchemaError(line: token.line, message: "\(keyword) blocks are not supported by this parser")
            default:
                throw unexpected(token, expected: "model, enum, generator or datasource")
            }
        }
    }

    // MARK: Blocks

    private mutating func parseEnum(line: Int) throws(PrismaSchemaError) -> RawEnum {
        let name = try expectIdentifier("an enum name")
        try expectSymbol("{")
        var values: [String] = []
        while true {
            skipNewlines()
            let token = advance()
            switch token.kind {
            case .symbol("}"):
                return RawEnum(name: name, values: values, line: line)
            case .identifier(let value):
                if case .at = peek.kind {
                    throw PrismaSchemaError(line: peek.line, message: "attributes on enum values (such as @map) are not supported")
                }
                values.append(value)
                try expectLineEnd()
            case .at:
                throw PrismaSchemaError(line: token.line, message: "attributes in enum \(name) (such as @@map) are not supported")
            default:
                throw unexpected(token, expected: "an enum value or \"}\"")
            }
        }
    }

    private mutating func parseModel(line: Int) throws(PrismaSchemaError) -> RawModel {
        let name = try expectIdentifier("a model name")
        try expectSymbol("{")
        var fields: [RawField] = []
        var blockAttributes: [RawAttribute] = []
        while true {
            skipNewlines()
            let token = advance()
            switch token.kind {
            case .symbol("}"):
                return RawModel(name: name, fields: fields, blockAttributes: blockAttributes, line: line)
            case .at(isBlock: true):
                blockAttributes.append(try parseAttribute(isBlock: true, line: token.line))
                try expectLineEnd()
            case .identifier(let fieldName):
                fields.append(try parseField(named: fieldName, line: token.line))
            default:
                throw unexpected(token, expected: "a field, a block attribute or \"}\"")
            }
        }
    }

    private mutating func parseField(named name: String, line: Int) throws(PrismaSchemaError) -> RawField {
        let typeName = try expectIdentifier("the type of field \(name)")
        if case .symbol("(") = peek.kind {
            throw PrismaSchemaError(line: line, message: "field \(name): type \(typeName)(...) is not supported")
        }
        var isList = false
        if case .symbol("[") = peek.kind {
            advance()
            try expectSymbol("]")
            isList = true
        }
        var isOptional = false
        if case .symbol("?") = peek.kind {
            advance()
            isOptional = true
        }
        if isList, isOptional {
            throw PrismaSchemaError(line: line, message: "field \(name): a list cannot be optional")
        }
        var attributes: [RawAttribute] = []
        while case .at(let isBlock) = peek.kind {
            let at = advance()
            guard !isBlock else {
                throw PrismaSchemaError(line: at.line, message: "block attribute after field \(name): put @@ attributes on a line of their own")
            }
            attributes.append(try parseAttribute(isBlock: false, line: at.line))
        }
        try expectLineEnd()
        return RawField(name: name, typeName: typeName, isList: isList, isOptional: isOptional, attributes: attributes, line: line)
    }

    /// Skips a `generator` or `datasource` block: their contents never shape the tables.
    private mutating func skipBlock() throws(PrismaSchemaError) {
        _ = try expectIdentifier("a block name")
        try expectSymbol("{")
        var depth = 1
        while depth > 0 {
            let token = advance()
            switch token.kind {
            case .symbol("{"): depth += 1
            case .symbol("}"): depth -= 1
            case .end: throw PrismaSchemaError(line: token.line, message: "block not closed before the end of the file")
            default: break
            }
        }
    }

    // MARK: Attributes and expressions

    /// Reads what follows `@` or `@@`: a dotted name and optional arguments.
    private mutating func parseAttribute(isBlock: Bool, line: Int) throws(PrismaSchemaError) -> RawAttribute {
        var name = try expectIdentifier("an attribute name")
        while case .symbol(".") = peek.kind {
            advance()
            name += "." + (try expectIdentifier("an attribute name after \".\""))
        }
        var arguments: [RawArgument] = []
        if case .symbol("(") = peek.kind {
            arguments = try parseArguments()
        }
        return RawAttribute(name: name, isBlock: isBlock, arguments: arguments, line: line)
    }

    /// `( [label:] value, ... )`; newlines are allowed inside the parentheses.
    private mutating func parseArguments() throws(PrismaSchemaError) -> [RawArgument] {
        try expectSymbol("(")
        var arguments: [RawArgument] = []
        while true {
            skipNewlines()
            if case .symbol(")") = peek.kind {
                advance()
                return arguments
            }
            var label: String?
            if case .identifier(let name) = peek.kind, case .symbol(":") = tokens[position + 1].kind {
                position += 2
                label = name
            }
            arguments.append(RawArgument(label: label, value: try parseExpression()))
            skipNewlines()
            let separator = advance()
            switch separator.kind {
            case .symbol(","): continue
            case .symbol(")"): return arguments
            default: throw unexpected(separator, expected: "\",\" or \")\"")
            }
        }
    }

    private mutating func parseExpression() throws(PrismaSchemaError) -> RawExpression {
        skipNewlines()
        let token = advance()
        switch token.kind {
        case .string(let value):
            return .string(value)
        case .number(let value):
            return .number(value)
        case .identifier(let name):
            if case .symbol("(") = peek.kind {
                return .call(name, try parseArguments())
            }
            return .identifier(name)
        case .symbol("["):
            var elements: [RawExpression] = []
            while true {
                skipNewlines()
                if case .symbol("]") = peek.kind {
                    advance()
                    return .list(elements)
                }
                elements.append(try parseExpression())
                skipNewlines()
                let separator = advance()
                switch separator.kind {
                case .symbol(","): continue
                case .symbol("]"): return .list(elements)
                default: throw unexpected(separator, expected: "\",\" or \"]\"")
                }
            }
        default:
            throw unexpected(token, expected: "a value")
        }
    }

    // MARK: Tokens

    private var peek: PrismaToken { tokens[position] }

    /// The current token; the final `.end` is never passed, so peeking after it stays in bounds.
    @discardableResult
    private mutating func advance() -> PrismaToken {
        let token = tokens[position]
        if token.kind != .end { position += 1 }
        return token
    }

    private mutating func skipNewlines() {
        while peek.kind == .newline { position += 1 }
    }

    private mutating func expectIdentifier(_ what: String) throws(PrismaSchemaError) -> String {
        let token = advance()
        guard case .identifier(let name) = token.kind else { throw unexpected(token, expected: what) }
        return name
    }

    private mutating func expectSymbol(_ symbol: Character) throws(PrismaSchemaError) {
        let token = advance()
        guard token.kind == .symbol(symbol) else { throw unexpected(token, expected: "\"\(symbol)\"") }
    }

    /// A field, enum value or block attribute ends at a newline or at the block's closing brace.
    private mutating func expectLineEnd() throws(PrismaSchemaError) {
        switch peek.kind {
        case .newline: advance()
        case .symbol("}"), .end: break
        default: throw unexpected(peek, expected: "the end of the line")
        }
    }

    private func unexpected(_ token: PrismaToken, expected: String) -> PrismaSchemaError {
        let found = switch token.kind {
        case .identifier(let name): "\"\(name)\""
        case .string(let value): "the string \"\(value)\""
        case .number(let value): "the number \(value)"
        case .symbol(let symbol): "\"\(symbol)\""
        case .at(let isBlock): isBlock ? "\"@@\"" : "\"@\""
        case .newline: "the end of the line"
        case .end: "the end of the file"
        }
        return PrismaSchemaError(line: token.line, message: "expected \(expected), found \(found)")
    }
}
