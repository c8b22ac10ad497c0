import Foundation
import Logging
import Postgres
import PostgresTesting
import Testing

@Suite("SQL errors become PostgresError")
struct ErrorMappingTests {
    @Test("a unique violation carries SQLSTATE 23505, the constraint and the statement's name, and keeps row values out of its description")
    func uniqueViolation() async throws {
        try await TestDatabase.with { pool in
            try await pool.executeScript("CREATE TABLE u (email TEXT CONSTRAINT u_email_key UNIQUE)", name: "create table")
            try await pool.query("INSERT INTO u VALUES (\("someone@example.org"))", named: "insert user")
            let error = await #expect(throws: PostgresError.self) {
                try await pool.query("INSERT INTO u VALUES (\("someone@example.org"))", named: "insert user")
            }
            #expect(error?.sqlState == .uniqueViolation)
            #expect(error?.constraint == "u_email_key")
            #expect(error?.operation == "insert user")
            #expect(error.map { "\($0)" }?.contains("insert user") == true)
            #expect(error.map { "\($0)" }?.contains("someone@example.org") == false)
            #expect(error.map { String(reflecting: $0) }?.contains("someone@example.org") == true)
        }
    }

    @Test("syntax errors, unknown tables and bad input text keep their SQLSTATE", arguments: [
        ("SELEC 1", SQLState.syntaxError),
        ("SELECT * FROM no_such_table", SQLState.undefinedTable),
        ("SELECT 'abc'::integer", SQLState.invalidTextRepresentation),
    ])
    func sqlStates(sql: String, state: SQLState) async throws {
        try await TestDatabase.with { pool in
            let error = await #expect(throws: PostgresError.self) { try await pool.query(Query(unsafeSQL: sql), named: "probe") }
            #expect(error?.kind == .server(state))
        }
    }

    @Test("an unreachable server fails to connect with one clear line")
    func unreachable() async throws {
        let pool = PostgresPool(try ConnectionConfiguration("postgresql://bot:hunter2@127.0.0.1:1/lending"), logger: Logger(label: "test"))
        let error = await #expect(throws: PostgresError.self) { try await pool.query("SELECT 1") }
        #expect(error?.kind == .connectionFailed)
        #expect(error.map { "\($0)" }?.contains("hunter2") == false)
        #expect(error.map { "\($0)" }?.contains("\n") == false)
    }

    @Test("an unknown database fails to connect and names the database")
    func unknownDatabase() async throws {
        let configuration = try TestDatabase.clusterConfiguration().withDatabase("no_such_database")
        let pool = PostgresPool(configuration, logger: Logger(label: "test"))
        let error = await #expect(throws: PostgresError.self) { try await pool.query("SELECT 1") }
        #expect(error?.kind == .connectionFailed)
        #expect(error.map { "\($0)" }?.contains("no_such_database") == true)
    }
}
