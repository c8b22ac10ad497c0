import Foundation
import Postgres
import PostgresTesting
import Testing

enum Mood: String, PostgresEnum, CaseIterable {
    case calm = "CALM"
    case busy = "BUSY"
}

@Suite("Values survive a trip through PostgreSQL")
struct RoundTripTests {
    @Test("Japanese text, emoji, NULLs, millisecond timestamps, integers, booleans and enums")
    func roundTrip() async throws {
        try await TestDatabase.with { pool in
            try await pool.executeScript("""
                CREATE TYPE "Mood" AS ENUM ('CALM', 'BUSY');
                CREATE TABLE t (id SERIAL PRIMARY KEY, label TEXT NOT NULL, note TEXT, at TIMESTAMP(3), at_tz TIMESTAMPTZ,
                                big BIGINT, flag BOOLEAN, mood "Mood" NOT NULL, ratio DOUBLE PRECISION, token UUID)
                """, name: "create table")
            let label = "マイクラ鯖を貸して 🎮🧱 — «quotes» 'single' \"double\" \\ back"
            let at = Date(timeIntervalSince1970: 1_795_305_339.123)
            let token = UUID()
            let inserted = try await pool.query("""
                INSERT INTO t (label, note, at, at_tz, big, flag, mood, ratio, token)
                VALUES (\(label), \(nil as String?), \(at), \(at), \(Int64.max), \(true), \(Mood.busy), \(0.1), \(token))
                RETURNING id
                """, named: "insert row")
            let id: Int = try #require(try inserted.first?.decode("id"))
            let row = try #require(try await pool.query("SELECT * FROM t WHERE id = \(id) AND mood = \(Mood.busy)").first)
            #expect(try row.decode("label", as: String.self) == label)
            #expect(try row.decode("note", as: String?.self) == nil)
            #expect(try row.decode("at", as: Date.self) == at)
            #expect(try row.decode("at_tz", as: Date.self) == at)
            #expect(try row.decode("big", as: Int64.self) == Int64.max)
            #expect(try row.decode("flag", as: Bool.self))
            #expect(try row.decode("mood", as: Mood.self) == .busy)
            #expect(try row.decode("ratio", as: Double.self) == 0.1)
            #expect(try row.decode("token", as: UUID.self) == token)
        }
    }

    @Test("a NULL read as a non-optional type is an error naming the column")
    func nullIntoNonOptional() async throws {
        try await TestDatabase.with { pool in
            let row = try #require(try await pool.query("SELECT NULL::text AS missing, 'x' AS letter").first)
            let error = #expect(throws: PostgresError.self) { _ = try row.decode("missing", as: String.self) }
            #expect(error?.kind == .decoding(column: "missing"))
            #expect(throws: PostgresError.self) { _ = try row.decode("letter", as: Int.self) }
            #expect(throws: PostgresError.self) { _ = try row.decode("absent", as: String.self) }
        }
    }
}
