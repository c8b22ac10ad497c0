import Foundation
import Postgres
import Testing

@Suite("Building queries")
struct QueryTests {
    @Test("interpolated values become numbered parameters, never SQL text")
    func interpolationBinds() {
        let name = "Robert'); DROP TABLE \"Workflow\";--"
        let id = 7
        let query: Query = "SELECT * FROM t WHERE name = \(name) AND id = \(id) AND note = \(nil as String?)"
        #expect(query.sql == "SELECT * FROM t WHERE name = $1 AND id = $2 AND note = $3")
        #expect(query.binds.map(\.text) == [name, "7", nil])
        #expect(query.binds.map(\.type) == [.text, .int8, .text])
    }

    @Test("identifiers are quoted and embedded quotes doubled")
    func identifiers() {
        let query: Query = "SELECT \(identifier: "weird\"name") FROM \(identifier: "Workflow")"
        #expect(query.sql == "SELECT \"weird\"\"name\" FROM \"Workflow\"")
        #expect(query.binds.isEmpty)
    }

    @Test("a statement is named by its first words unless named explicitly")
    func names() {
        let query: Query = "SELECT   id\n FROM \"Workflow\" WHERE id = \(1)"
        #expect(query.name == "SELECT id FROM \"Workflow\" WHERE id")
        #expect(query.named("find workflow").name == "find workflow")
    }
}
