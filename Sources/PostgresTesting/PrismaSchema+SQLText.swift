/// Writes SQL fragments the way PostgreSQL's deparser (`format_type`, `pg_get_expr`) prints them,
/// so expected values compare equal to what the catalog reports.
enum SQLText {
    /// Keywords that `quote_ident` quotes and that are plausible as type or sequence names. The full
    /// list is PostgreSQL's `kwlist.h`; these are the reserved ones a schema might stumble on.
    private static let reservedWords: Set<String> = [
        "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "between", "bigint", "bit", "boolean", "case",
        "cast", "char", "character", "check", "coalesce", "collate", "column", "constraint", "create", "current_date",
        "current_role", "current_time", "current_timestamp", "current_user", "dec", "decimal", "default", "desc",
        "distinct", "do", "else", "end", "except", "exists", "extract", "false", "fetch", "float", "for", "foreign",
        "from", "grant", "group", "having", "in", "inout", "int", "integer", "interval", "intersect", "into",
        "leading", "limit", "localtime", "localtimestamp", "national", "nchar", "none", "not", "null", "nullif",
        "numeric", "offset", "on", "only", "or", "order", "out", "overlay", "placing", "position", "precision",
        "primary", "real", "references", "returning", "row", "select", "session_user", "setof", "smallint", "some",
        "substring", "symmetric", "table", "then", "time", "timestamp", "to", "trailing", "treat", "trim", "true",
        "union", "unique", "user", "using", "values", "varchar", "variadic", "when", "where", "window", "with",
    ]

    /// An identifier, double-quoted unless it is all lowercase letters, digits and underscores
    /// (not starting with a digit) and not a keyword: `"WorkflowStatus"`, but `status`.
    static func identifier(_ name: String) -> String {
        let isPlain = name.first.map { $0 == "_" || ("a"..."z").contains($0) } == true
            && name.allSatisfy { $0 == "_" || ("a"..."z").contains($0) || ("0"..."9").contains($0) }
            && !reservedWords.contains(name)
        return isPlain ? name : "\"" + name.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }

    /// A single-quoted string literal with quotes doubled.
    static func literal(_ text: String) -> String {
        "'" + text.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "''") + "'"
    }

    /// `character varying(255)` → `character varying`, `timestamp(3) without time zone` →
    /// `timestamp without time zone`: casts in printed defaults carry no type modifier.
    static func removingModifier(_ type: String) -> String {
        guard let open = type.firstIndex(of: "("), let close = type[open...].firstIndex(of: ")") else { return type }
        return String(type[..<open] + type[type.index(after: close)...])
    }

    /// A numeric default as PostgreSQL prints it back: a non-negative int4 or decimal bare, a
    /// negative one quoted with a cast (`'-5'::integer`, `'-1.5'::numeric`), an int8 always quoted
    /// (`'3000000000'::bigint`). Exponent forms are left as written.
    static func number(_ literal: String) -> String {
        if let value = Int64(literal) {
            guard Int32(exactly: value) != nil else { return "'\(value)'::bigint" }
            return value < 0 ? "'\(value)'::integer" : String(value)
        }
        return literal.hasPrefix("-") ? "'\(literal)'::numeric" : literal
    }
}
