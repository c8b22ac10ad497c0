/// A record whose stored properties are named as its columns reads its row through its
/// synthesized `Decodable` conformance, so the column list is written once, as the properties.
/// Each property decodes as `Row.decode` does: Optional types accept NULL, other types reject it.
extension RowDecodable where Self: Decodable {
    public init(row: Row) throws(PostgresError) {
        do {
            self = try Self(from: RowDecoder(row: row))
        } catch let error as PostgresError {
            throw error
        } catch {
            throw PostgresError(.decoding(column: "*"), operation: row.result.statementName, message: "\(error)")
        }
    }
}

/// A `Decoder` over one row: a keyed container whose keys are column names and whose values are
/// the `PostgresDecodable` types. Nothing is nested: a row is flat.
struct RowDecoder: Decoder {
    let row: Row

    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(Columns(row: row))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer { throw row.unsupported("*", "a list") }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { throw row.unsupported("*", "a single value") }
}

private struct Columns<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let row: Row

    var codingPath: [any CodingKey] { [] }
    var allKeys: [Key] { row.result.columns.compactMap { Key(stringValue: $0.name) } }

    func contains(_ key: Key) -> Bool { row.result.columnIndex(named: key.stringValue) != nil }

    func decodeNil(forKey key: Key) throws -> Bool { try row.decode(key.stringValue, as: String?.self) == nil }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try value(key) }

    /// Every type goes through its `PostgresDecodable` conformance; a type without one is an error
    /// naming the column.
    private func value<T>(_ key: Key) throws -> T {
        guard let columnType = T.self as? any PostgresDecodable.Type,
              let value = try row.decode(key.stringValue, as: columnType) as? T else {
            throw row.unsupported(key.stringValue, "\(T.self)")
        }
        return value
    }

    // The protocol asks for each standard type by name; all of them take `value(_:)`.
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try value(key) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try value(key) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try value(key) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try value(key) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try value(key) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try value(key) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try value(key) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try value(key) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try value(key) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try value(key) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try value(key) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try value(key) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try value(key) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try value(key) }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        throw row.unsupported(key.stringValue, "a nested object")
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer { throw row.unsupported(key.stringValue, "a list") }

    func superDecoder() throws -> any Decoder { throw row.unsupported("*", "a superclass") }

    func superDecoder(forKey key: Key) throws -> any Decoder { throw row.unsupported(key.stringValue, "a superclass") }
}

extension Row {
    fileprivate func unsupported(_ column: String, _ what: String) -> PostgresError {
        PostgresError(.decoding(column: column), operation: result.statementName, message: "\(what) is not a column type")
    }
}
