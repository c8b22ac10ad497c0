/// A record built from one result row, so results decode into records without a loop per query.
public protocol RowDecodable: Sendable {
    init(row: Row) throws(PostgresError)
}

extension QueryResult {
    /// Every row as a record.
    public func decodeAll<Record: RowDecodable>(as type: Record.Type = Record.self) throws(PostgresError) -> [Record] {
        var records: [Record] = []
        records.reserveCapacity(count)
        for row in rows { records.append(try Record(row: row)) }
        return records
    }

    /// The first row as a record, or nil when there is none.
    public func decodeFirst<Record: RowDecodable>(as type: Record.Type = Record.self) throws(PostgresError) -> Record? {
        guard let row = first else { return nil }
        return try Record(row: row)
    }

    /// The only row as a record; no row or several is an error.
    public func decodeSingle<Record: RowDecodable>(as type: Record.Type = Record.self) throws(PostgresError) -> Record {
        try Record(row: singleRow())
    }
}
