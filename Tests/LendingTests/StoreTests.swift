import Foundation
import Lending
import Postgres
import PostgresTesting
import Testing

@Suite("Row access for the documented tables")
struct StoreTests {
    let now = Date(timeIntervalSince1970: 1_795_305_339.123)

    func request(_ description: String = "夏祭り用サーバー 🎆") -> NewWorkflow {
        NewWorkflow(applicantDiscordId: "111111111111111111", description: description, mcVersion: "1.21.4", periodDays: 14, organizerDiscordId: "222222222222222222")
    }

    @Test("a workflow is inserted as PENDING with both timestamps and found again by id")
    func insertAndFind() async throws {
        try await withLendingDatabase { pool in
            let inserted = try await WorkflowTable.insert(request(), at: now, on: pool)
            #expect(inserted.status == .pending)
            #expect(inserted.createdAt == now)
            #expect(inserted.updatedAt == now)
            #expect(inserted.pteroServerId == nil && inserted.startDate == nil && inserted.endDate == nil)
            #expect(try await WorkflowTable.find(id: inserted.id, on: pool) == inserted)
            #expect(try await WorkflowTable.find(id: inserted.id + 1, on: pool) == nil)
        }
    }

    @Test("an update writes updatedAt and only succeeds while the status is the expected one")
    func compareAndSet() async throws {
        try await withLendingDatabase { pool in
            var record = try await WorkflowTable.insert(request(), at: now, on: pool)
            record.status = .active
            record.pteroServerId = "1a2b3c4d"
            record.startDate = now
            record.endDate = now + 14 * 86_400
            let later = now + 60
            let updated = try #require(try await WorkflowTable.update(record, expectedStatus: .pending, at: later, on: pool))
            #expect(updated.status == .active)
            #expect(updated.updatedAt == later)
            #expect(updated.createdAt == now)
            #expect(updated.endDate == now + 14 * 86_400)
            // A second approval of the same request finds it no longer PENDING and changes nothing.
            #expect(try await WorkflowTable.update(record, expectedStatus: .pending, at: later + 1, on: pool) == nil)
            #expect(try await WorkflowTable.find(id: record.id, on: pool)?.updatedAt == later)
        }
    }

    @Test("listing by status pages in id order")
    func listByStatus() async throws {
        try await withLendingDatabase { pool in
            var ids: [Int] = []
            for index in 0..<5 {
                ids.append(try await WorkflowTable.insert(request("request \(index)"), at: now, on: pool).id)
            }
            var rejected = try #require(try await WorkflowTable.find(id: ids[2], on: pool))
            rejected.status = .rejected
            _ = try await WorkflowTable.update(rejected, expectedStatus: .pending, at: now, on: pool)
            let firstPage = try await WorkflowTable.list(status: .pending, limit: 2, on: pool)
            #expect(firstPage.map(\.id) == [ids[0], ids[1]])
            let secondPage = try await WorkflowTable.list(status: .pending, after: ids[1], limit: 2, on: pool)
            #expect(secondPage.map(\.id) == [ids[3], ids[4]])
            #expect(try await WorkflowTable.list(status: .rejected, on: pool).map(\.id) == [ids[2]])
            #expect(try await WorkflowTable.list(status: .active, on: pool).isEmpty)
        }
    }

    @Test("panel users are added, listed and replaced; one for a missing workflow is refused")
    func panelUsers() async throws {
        try await withLendingDatabase { pool in
            let workflow = try await WorkflowTable.insert(request(), at: now, on: pool)
            let first = try await WorkflowPanelUserTable.insert(workflowId: workflow.id, discordId: "333333333333333333", on: pool)
            #expect(try await WorkflowPanelUserTable.find(id: first.id, on: pool) == first)
            let replaced = try await pool.withTransaction { tx in
                try await WorkflowPanelUserTable.replace(workflowId: workflow.id, discordIds: ["333333333333333333", "444444444444444444"], on: tx)
            }
            #expect(replaced.map(\.discordId) == ["333333333333333333", "444444444444444444"])
            #expect(replaced.first?.id == first.id, "a user who stays keeps the row")
            let reduced = try await WorkflowPanelUserTable.replace(workflowId: workflow.id, discordIds: ["444444444444444444"], on: pool)
            #expect(reduced.map(\.discordId) == ["444444444444444444"])

            let error = await #expect(throws: PostgresError.self) {
                _ = try await WorkflowPanelUserTable.insert(workflowId: workflow.id + 100, discordId: "555555555555555555", on: pool)
            }
            #expect(error?.sqlState == .foreignKeyViolation)
            #expect(error?.constraint == "WorkflowPanelUser_workflowId_fkey")
        }
    }

    @Test("the JSON written by hand for details and id lists is read back by PostgreSQL and by Foundation as the same strings")
    func handWrittenJSON() async throws {
        let hard = ["", "plain", "a,b", "c\"d", "back\\slash", "{e}", "[f]", "line\nbreak", "tab\tand\r", "\u{01}\u{1F}\u{7F}", "/slash/",
                    "祭り", "é\u{0301}", "🎉", "\u{2028}\u{2029}", "\u{FEFF}"]
        // (Not U+FEFF in the object: Foundation's JSONSerialization, which reads details back, drops
        // it at the start of a string whoever wrote the JSON; the array is read with JSONDecoder.)
        let object = Dictionary(uniqueKeysWithValues: hard.filter { $0 != "\u{FEFF}" }.enumerated().map { ("k\($0.offset) \($0.element)", $0.element) })
        let decoded = try JSONSerialization.jsonObject(with: Data(JSONObject.encode(object).utf8)) as? [String: String]
        #expect(decoded == object)
        #expect(try JSONDecoder().decode([String].self, from: Data(JSONObject.encode(hard).utf8)) == hard)
        try await withLendingDatabase { pool in
            let stored = try await pool.query("SELECT \(JSONObject.encode(object))::jsonb::text AS o, \(JSONObject.encode(hard))::jsonb::text AS a")
            let row = try #require(stored.first)
            #expect(JSONObject.decode(try row.decode("o", as: String.self)) == object)
            #expect(try JSONDecoder().decode([String].self, from: Data(try row.decode("a", as: String.self).utf8)) == hard)
        }
    }

    @Test("several panel users are added in one statement, in the order given, and all or none are stored")
    func panelUsersAtOnce() async throws {
        try await withLendingDatabase { pool in
            let workflow = try await WorkflowTable.insert(request(), at: now, on: pool)
            let ids = ["555555555555555555", "333333333333333333", "444444444444444444"]
            try await WorkflowPanelUserTable.insert(workflowId: workflow.id, discordIds: ids, on: pool)
            #expect(try await WorkflowPanelUserTable.list(workflowId: workflow.id, on: pool).map(\.discordId) == ids)
            try await WorkflowPanelUserTable.insert(workflowId: workflow.id, discordIds: [], on: pool)
            // The ids travel as JSON: a comma, a quote or a brace inside one stays inside it.
            let other = try await WorkflowTable.insert(request(), at: now, on: pool)
            let odd = ["a,b", "c\"d", "{e}"]
            try await WorkflowPanelUserTable.insert(workflowId: other.id, discordIds: odd, on: pool)
            #expect(try await WorkflowPanelUserTable.list(workflowId: other.id, on: pool).map(\.discordId) == odd)

            let error = await #expect(throws: PostgresError.self) {
                try await WorkflowPanelUserTable.insert(workflowId: workflow.id + 100, discordIds: ["666666666666666666", "777777777777777777"], on: pool)
            }
            #expect(error?.constraint == "WorkflowPanelUser_workflowId_fkey")
            #expect(try await WorkflowPanelUserTable.list(workflowId: workflow.id + 100, on: pool).isEmpty)
        }
    }

    @Test("panel accounts are unique by username and by email")
    func panelAccounts() async throws {
        try await withLendingDatabase { pool in
            let account = try await PterodactylUserTable.insert(discordId: "333333333333333333", username: "taro", email: "taro@kpw.local", at: now, on: pool)
            #expect(try await PterodactylUserTable.find(discordId: "333333333333333333", on: pool) == account)
            #expect(try await PterodactylUserTable.find(username: "taro", on: pool) == account)

            let sameUsername = await #expect(throws: PostgresError.self) {
                _ = try await PterodactylUserTable.insert(discordId: "444444444444444444", username: "taro", email: "other@kpw.local", at: now, on: pool)
            }
            #expect(sameUsername?.constraint == "PterodactylUser_username_key")
            let sameEmail = await #expect(throws: PostgresError.self) {
                _ = try await PterodactylUserTable.insert(discordId: "444444444444444444", username: "jiro", email: "taro@kpw.local", at: now, on: pool)
            }
            #expect(sameEmail?.constraint == "PterodactylUser_email_key")

            var renamed = account
            renamed.username = "taro2"
            renamed.email = "taro2@kpw.local"
            #expect(try await PterodactylUserTable.update(renamed, on: pool)?.username == "taro2")
            #expect(try await PterodactylUserTable.list(discordIds: ["333333333333333333", "999999999999999999"], on: pool).map(\.email) == ["taro2@kpw.local"])
        }
    }

    @Test("server bindings are kept in alias order and can be repointed and removed")
    func serverBindings() async throws {
        try await withLendingDatabase { pool in
            _ = try await ServerBindingTable.insert(name: "server02", pteroId: "bbbbbbbb", serverType: "paper", at: now, on: pool)
            let first = try await ServerBindingTable.insert(name: "server01", pteroId: "aaaaaaaa", serverType: "paper", at: now, on: pool)
            #expect(try await ServerBindingTable.find(name: "server01", on: pool) == first)
            #expect(try await ServerBindingTable.list(on: pool).map(\.name) == ["server01", "server02"])
            let moved = try #require(try await ServerBindingTable.update(name: "server01", pteroId: "cccccccc", serverType: "forge", at: now + 5, on: pool))
            #expect(moved.pteroId == "cccccccc" && moved.serverType == "forge" && moved.updatedAt == now + 5 && moved.createdAt == now)
            #expect(try await ServerBindingTable.types(on: pool) == ["forge", "paper"])
            #expect(try await ServerBindingTable.update(name: "server09", pteroId: "dddddddd", serverType: "paper", at: now, on: pool) == nil)
            #expect(try await ServerBindingTable.delete(name: "server02", on: pool))
            #expect(!(try await ServerBindingTable.delete(name: "server02", on: pool)))
            let duplicate = await #expect(throws: PostgresError.self) {
                _ = try await ServerBindingTable.insert(name: "server01", pteroId: "eeeeeeee", serverType: "paper", at: now, on: pool)
            }
            #expect(duplicate?.constraint == "ServerBinding_pkey")
            let secondAlias = await #expect(throws: PostgresError.self) {
                _ = try await ServerBindingTable.insert(name: "server03", pteroId: "cccccccc", serverType: "paper", at: now, on: pool)
            }
            #expect(secondAlias?.constraint == "ServerBinding_pteroId_key", "one panel server has one alias")
        }
    }
}
