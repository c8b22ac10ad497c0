/// The rows a statement returned, copied out of libpq's `PGresult` into Swift memory.
public struct QueryResult: Sendable {
    public let columns: [Column]
    /// Row-major text values; nil is SQL NULL.
    let values: [String?]
    /// Rows affected, from `PQcmdTuples` (0 when the command reports none).
    public let affectedRows: Int
    /// The statement's name, for errors raised while decoding.
    let statementName: String

    public struct Column: Sendable, Equatable {
        public let name: String
        public let type: PostgresType
    }

    init(columns: [Column], values: [String?], affectedRows: Int, statementName: String) {
        self.columns = columns
        self.values = values
        self.affectedRows = affectedRows
        self.statementName = statementName
    }

    public var count: Int { columns.isEmpty ? 0 : values.count / columns.count }
    public var isEmpty: Bool { count == 0 }

    public var rows: [Row] {
        (0..<count).map { Row(result: self, index: $0) }
    }

    public var first: Row? {
        isEmpty ? nil : Row(result: self, index: 0)
    }

    /// The one row a statement such as `INSERT … RETURNING` produced; anything else is an error.
    public func singleRow() throws(PostgresError) -> Row {
        guard count == 1, let row = first else {
            throw PostgresError(.decoding(column: "*"), operation: statementName, message: "expected exactly one row, got \(count)")
        }
        return row
    }

    func columnIndex(named name: String) -> Int? {
        columns.firstIndex { $0.name == name }
    }
}

/// One row of a `QueryResult`; values are decoded on demand by column name or position.
public struct Row: Sendable {
    let result: QueryResult
    let index: Int

    /// Decodes the column called `column`; Optional types accept NULL, other types reject it.
    public func decode<Value: PostgresDecodable>(_ column: String, as type: Value.Type = Value.self) throws(PostgresError) -> Value {
        guard let position = result.columnIndex(named: column) else {
            throw PostgresError(.decoding(column: column), operation: result.statementName, message: "no such column in the result")
        }
        return try decode(position, as: type)
    }

    /// Decodes the column at `position` (0-based).
    public func decode<Value: PostgresDecodable>(_ position: Int, as type: Value.Type = Value.self) throws(PostgresError) -> Value {
        guard result.columns.indices.contains(position) else {
            throw PostgresError(.decoding(column: "#\(position)"), operation: result.statementName, message: "no such column in the result")
        }
        let column = result.columns[position]
        let text = result.values[index * result.columns.count + position]
        do {
            return try Value.decode(postgresText: text, type: column.type)
        } catch {
            let message = switch error {
            case .unexpectedNull: "NULL where \(Value.self) was expected"
            case .invalidText(let expected): "not a valid \(expected)"
            }
            throw PostgresError(.decoding(column: column.name), operation: result.statementName, message: message)
        }
    }
}
