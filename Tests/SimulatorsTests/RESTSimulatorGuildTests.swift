import BotTesting
import DiscordSimulator
import Foundation
import SimulatorSupport
import Testing

@Suite("REST simulator guild members, roles, commands and bot info") struct RESTSimulatorGuildTests {
    let guild = "1200000000000000001"
    var rolePath: String { "/guilds/\(guild)/members/\(RESTSimulatorFixture.aliceID)/roles/\(RESTSimulatorFixture.lenderRoleID)" }

    @Test("adding a role gets 204 and the member holds it; removing takes it away") func addRole() async throws {
        try await RESTSimulatorFixture.withSimulator { simulator, client in
            let added = try await client.send("PUT", rolePath)
            #expect(added.status == 204)
            #expect(simulator.roles(of: RESTSimulatorFixture.aliceID) == [RESTSimulatorFixture.lenderRoleID])
            let member = try await client.send("GET", "/guilds/\(guild)/members/\(RESTSimulatorFixture.aliceID)")
            #expect(member.json?["roles"] == [.string(RESTSimulatorFixture.lenderRoleID)])
            #expect(try await client.send("DELETE", rolePath).status == 204)
            #expect(simulator.roles(of: RESTSimulatorFixture.aliceID).isEmpty)
        }
    }

    @Test("a percent-encoded Japanese audit-log reason is accepted") func encodedReason() async throws {
        try await RESTSimulatorFixture.withSimulator { simulator, client in
            let reason = "貸出承認: サーバー3".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            let reply = try await client.send("PUT", rolePath, headers: ["X-Audit-Log-Reason": reason])
            #expect(reply.status == 204)
            #expect(simulator.requests(to: .addMemberRole).first?.header("x-audit-log-reason")?.removingPercentEncoding == "貸出承認: サーバー3")
        }
    }

    @Test("a raw Japanese audit-log reason gets 400 and changes nothing") func rawReason() async throws {
        try await RESTSimulatorFixture.withSimulator { simulator, client in
            let reply = try await client.send("PUT", rolePath, headers: ["X-Audit-Log-Reason": "貸出承認"])
            #expect(reply.status == 400)
            #expect(reply.json?.formErrorCode(at: "audit_log_reason") != nil)
            #expect(simulator.roles(of: RESTSimulatorFixture.aliceID).isEmpty)
        }
    }

    @Test("an audit-log reason over 512 characters once decoded gets 400") func longReason() async throws {
        try await RESTSimulatorFixture.withSimulator { simulator, client async throws in
            let reason = String(repeating: "承", count: 513).addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            #expect(try await client.send("PUT", rolePath, headers: ["X-Audit-Log-Reason": reason]).status == 400)
            let fits = String(repeating: "承", count: 512).addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            #expect(try await client.send("PUT", rolePath, headers: ["X-Audit-Log-Reason": fits]).status == 204)
        }
    }

    @Test("a bot without MANAGE_ROLES gets 403 50013") func missingPermission() async throws {
        try await RESTSimulatorFixture.withSimulator(configuration: RESTSimulatorFixture.configuration(botCanManageRoles: false)) { simulator, client in
            let reply = try await client.send("PUT", rolePath)
            #expect(reply.status == 403)
            #expect(reply.json == ["message": "Missing Permissions", "code": 50013])
            #expect(simulator.roles(of: RESTSimulatorFixture.aliceID).isEmpty)
            #expect(simulator.invalidRequestCounts[403] == 1)
        }
    }

    @Test("a role above the bot gets 403 50013; unknown member and role get 404") func hierarchyAndUnknowns() async throws {
        try await RESTSimulatorFixture.withSimulator { simulator, client in
            let above = try await client.send("PUT", "/guilds/\(guild)/members/\(RESTSimulatorFixture.aliceID)/roles/\(RESTSimulatorFixture.adminRoleID)")
            #expect(above.json?["code"] == 50013)
            #expect(try await client.send("PUT", "/guilds/\(guild)/members/7/roles/\(RESTSimulatorFixture.lenderRoleID)").json?["code"] == 10007)
            #expect(try await client.send("PUT", "/guilds/\(guild)/members/\(RESTSimulatorFixture.aliceID)/roles/7").json?["code"] == 10011)
            let member = try await client.send("GET", "/guilds/\(guild)/members/7")
            #expect(member.status == 404)
            #expect(member.json == ["message": "Unknown Member", "code": 10007])
        }
    }

    @Test("users/@me and gateway/bot answer in Discord's shape") func botInfo() async throws {
        try await RESTSimulatorFixture.withSimulator { simulator, client in
            let me = try await client.send("GET", "/users/@me")
            #expect(me.json?["id"] == "1100000000000000001")
            #expect(me.json?["bot"] == true)
            let gateway = try await client.send("GET", "/gateway/bot")
            #expect(gateway.json?["url"] == "wss://gateway.discord.gg")
            #expect(gateway.json?["shards"] == 1)
            #expect(gateway.json?["session_start_limit"] == ["total": 1000, "remaining": 1000, "reset_after": 86_400_000, "max_concurrency": 1])
        }
    }

    @Test("oauth2/applications/@me answers the bot's application, owned by a user, with no team") func application() async throws {
        try await RESTSimulatorFixture.withSimulator { simulator, client in
            let application = try await client.send("GET", "/oauth2/applications/@me")
            #expect(application.status == 200)
            #expect(application.json?["id"] == "1100000000000000001")
            #expect(application.json?["bot"]?["id"] == "1100000000000000001")
            #expect(application.json?["owner"]?["id"]?.stringValue != nil)
            #expect(application.json?["team"] == .null)
            #expect(simulator.requests(to: .getCurrentApplication).count == 1)
            var anonymous = client
            anonymous.token = nil
            let refused = try await anonymous.send("GET", "/oauth2/applications/@me")
            #expect(refused.status == 401)
        }
    }

    @Test("bulk overwrite echoes ids, keeps them for unchanged names, and counts only creates") func commands() async throws {
        try await RESTSimulatorFixture.withSimulator { simulator, client in
            let path = "/applications/1100000000000000001/guilds/\(guild)/commands"
            let borrow: SimulatorJSON = ["name": "borrow", "description": "Borrow a server", "name_localizations": ["ja": "借りる"]]
            let first = try await client.send("PUT", path, json: [borrow, ["name": "return", "description": "Give it back"]])
            #expect(first.status == 200)
            let ids = first.json?.arrayValue?.compactMap { $0["id"]?.stringValue } ?? []
            #expect(ids.count == 2)
            #expect(simulator.commandCreateCount == 2)

            let second = try await client.send("PUT", path, json: [borrow, ["name": "status", "description": "Show loans"]])
            #expect(second.json?[0]?["id"]?.stringValue == ids[0])
            #expect(second.json?[0]?["version"] == first.json?[0]?["version"])
            #expect(simulator.commandCreateCount == 3)
            #expect(simulator.commands.compactMap { $0["name"]?.stringValue } == ["borrow", "status"])

            let invalid = try await client.send("PUT", path, json: [["name": "Borrow Now", "description": ""]])
            #expect(invalid.json?.formErrorCode(at: "0", "name") == "APPLICATION_COMMAND_INVALID_NAME")
            #expect(invalid.json?.formErrorCode(at: "0", "description") == "BASE_TYPE_BAD_LENGTH")
        }
    }
}
