import Foundation
import HTTP
import Logging
import PanelSimulator
import PanelTesting
import Pterodactyl
import Secrets
import SimulatorSupport
import Testing

@Suite("Application API: users and server lookup")
struct ApplicationAPITests {
    static let bob = NewPanelUser(username: "bob", email: "bob@kpw.local", firstName: "Bob", lastName: "Builder", password: Secret("Initial-pass-123"), externalID: "1400000000000000001")

    @Test("finding users compares exactly although the panel's filter matches substrings")
    func exactLookup() async throws {
        var configuration = PanelSimulator.Configuration()
        configuration.users += [SimulatedPanelUser(id: 2, username: "jimbob", email: "jimbob@kpw.local"),
                                SimulatedPanelUser(id: 3, username: "bobby", email: "Bob@KPW.local.example")]
        try await PanelTestWorld.with(configuration) { world in
            #expect(try await world.client.findUser(email: "bob@kpw.local") == nil)
            #expect(try await world.client.findUser(username: "bob") == nil)
            #expect(try await world.client.findUser(email: "JIMBOB@kpw.local")?.id == 2)
            #expect(try await world.client.findUser(username: "Bobby")?.id == 3)
            let raw = try await world.raw(.get, "/api/application/users?filter%5Bemail%5D=bob%40kpw.local")
            #expect((raw.json?["data"] as? [Any])?.count == 2, "the simulator's filter is a substring match, like the panel's")
        }
    }

    @Test("creating, reading and resetting a password sends the four required fields")
    func createAndReset() async throws {
        try await PanelTestWorld.with { world in
            let created = try await world.client.createUser(Self.bob)
            #expect(created.username == "bob" && created.externalID == "1400000000000000001" && created.firstName == "Bob")
            #expect(world.panel.user(username: "bob")?.password == "Initial-pass-123")
            #expect(try await world.client.user(id: created.id) == created)
            let password = PasswordGenerator.makePassword()
            try await world.client.resetPassword(userID: created.id, to: password)
            #expect(world.panel.user(username: "bob")?.password == password.revealed())
            let patch = try #require(world.panel.requests(to: .updateUser).last?.body)
            #expect(patch["email"]?.stringValue == "bob@kpw.local" && patch["username"]?.stringValue == "bob")
            #expect(patch["first_name"]?.stringValue == "Bob" && patch["last_name"]?.stringValue == "Builder")
            let renamed = try await world.client.updateUser(id: created.id, username: "bobb", email: "bobb@kpw.local", firstName: "B", lastName: "B")
            #expect(renamed.username == "bobb" && world.panel.user(username: "bobb")?.externalID == "1400000000000000001")
        }
    }

    @Test("a repeated create is a 422 naming every unique field")
    func duplicateCreate() async throws {
        try await PanelTestWorld.with { world in
            _ = try await world.client.createUser(Self.bob)
            let error = try await #require(throws: PanelError.self) { try await world.client.createUser(Self.bob) }
            #expect(error.kind == .validation)
            #expect(error.invalidFields == ["email", "username", "external_id"])
            #expect(error.hasViolation(field: "external_id", rule: "unique"))
        }
    }

    @Test("ensureUser returns the existing account, creates a missing one, and names a taken field")
    func ensureUser() async throws {
        var configuration = PanelSimulator.Configuration()
        configuration.users.append(SimulatedPanelUser(id: 2, username: "carol", email: "carol@kpw.local"))
        try await PanelTestWorld.with(configuration) { world in
            let first = try await world.client.ensureUser(Self.bob)
            let second = try await world.client.ensureUser(Self.bob)
            #expect(first.created && !second.created && first.user.id == second.user.id)
            #expect(world.panel.requests(to: .createUser).count == 1)
            let existing = try await world.client.ensureUser(NewPanelUser(username: "Carol", email: "CAROL@kpw.local", firstName: "C", lastName: "C"))
            #expect(!existing.created && existing.user.id == 2)
            let takenName = try await #require(throws: PanelError.self) {
                try await world.client.ensureUser(NewPanelUser(username: "carol", email: "other@kpw.local", firstName: "C", lastName: "C"))
            }
            #expect(takenName.kind == .identityConflict(field: "username"))
            let takenEmail = try await #require(throws: PanelError.self) {
                try await world.client.ensureUser(NewPanelUser(username: "dave", email: "carol@kpw.local", firstName: "D", lastName: "D"))
            }
            #expect(takenEmail.kind == .identityConflict(field: "email"))
        }
    }

    @Test("usernames the panel would refuse are refused before any request")
    func usernameBeforeCall() async throws {
        try await PanelTestWorld.with { world in
            for name in ["ab", "-bob", "bob.", "bób"] {
                let error = try await #require(throws: PanelError.self) {
                    try await world.client.ensureUser(NewPanelUser(username: name, email: "x@kpw.local", firstName: "X", lastName: "X"))
                }
                #expect(error.kind == .invalidInput(field: "username"))
            }
            #expect(world.panel.requests.isEmpty)
        }
    }

    @Test("a server is found by its exact identifier, never by a substring")
    func findServer() async throws {
        var configuration = PanelSimulator.Configuration()
        configuration.servers.append(SimulatedPanelServer.standard(id: 2, identifier: "a1a2b3c4", name: "server02"))
        try await PanelTestWorld.with(configuration) { world in
            let first = try await world.client.findServer(identifier: "1a2b3c4d")
            let second = try await world.client.findServer(identifier: "a1a2b3c4")
            let none = try await world.client.findServer(identifier: "2b3c4d00")
            #expect(first?.id == 1 && first?.featureLimits.backups == 3)
            #expect(second?.id == 2)
            #expect(none == nil)
        }
    }

    @Test("a server's egg is read with include=egg by its exact identifier; a key that may not read eggs gets none, which is forbidden")
    func serverEgg() async throws {
        var configuration = PanelSimulator.Configuration()
        var fabric = SimulatedPanelServer.standard(id: 2, identifier: "a1a2b3c4", name: "server02")
        fabric.egg = .fabric
        configuration.servers.append(fabric)
        try await PanelTestWorld.with(configuration) { world in
            let paper = try await world.client.egg(ofServer: "1a2b3c4d")
            #expect(paper.id == 3 && paper.nest == 1 && paper.name == "Paper")
            #expect(try await world.client.egg(ofServer: "a1a2b3c4").name == "Fabric")
            #expect(world.panel.requests.last?.query["include"] == "egg")
            await #expect(throws: PanelError(.notFound, operation: "read the server's egg")) { try await world.client.egg(ofServer: "2b3c4d00") }
            // The raw answer nests the egg under the server's relationships, as the panel does.
            let raw = try await world.raw(.get, "/api/application/servers/1?include=egg")
            let attributes = (raw.json?["attributes"] as? [String: Any])
            let egg = ((attributes?["relationships"] as? [String: Any])?["egg"] as? [String: Any])
            #expect(egg?["object"] as? String == "egg" && attributes?["egg"] as? Int == 3)
        }
        configuration.keys[0].kind = .application(permissions: ["users": 3, "servers": 3])
        try await PanelTestWorld.with(configuration) { world in
            await #expect(throws: PanelError(.forbidden, operation: "read the server's egg")) { try await world.client.egg(ofServer: "1a2b3c4d") }
            let raw = try await world.raw(.get, "/api/application/servers/1?include=egg")
            let egg = (((raw.json?["attributes"] as? [String: Any])?["relationships"] as? [String: Any])?["egg"] as? [String: Any])
            #expect(egg?["object"] as? String == "null_resource")
        }
    }

    @Test("each API gets its own key, with a JSON Accept and the extra headers")
    func headers() async throws {
        try await PanelTestWorld.with(adjust: { $0.extraHeaders = ["X-Proxy-Token": "proxy"] }) { world in
            _ = try await world.client.findUser(username: "admin")
            _ = try await world.client.server(PanelTestWorld.server)
            let requests = world.panel.requests
            #expect(requests.map(\.route) == [.listUsers, .getServer])
            #expect(requests[0].header("Authorization") == "Bearer \(PanelTestWorld.applicationKey)")
            #expect(requests[1].header("Authorization") == "Bearer \(PanelTestWorld.clientKey)")
            #expect(requests.allSatisfy { $0.header("Accept") == "application/json" && $0.header("X-Proxy-Token") == "proxy" })
        }
    }

    @Test("a wrong key is 401, and the key never appears in the error or the log")
    func unauthorized() async throws {
        let logs = CapturedLogs()
        let badKey = SimulatedAPIKey.makeToken(prefix: "ptla_", tag: "wrong")
        try await PanelTestWorld.with(applicationKey: badKey, logger: logs.logger) { world in
            let error = try await #require(throws: PanelError.self) { try await world.client.findUser(username: "admin") }
            #expect(error.kind == .unauthorized)
            #expect(!"\(error)".contains(badKey) && !String(reflecting: error).contains(badKey))
            #expect(!logs.text.contains(badKey) && !logs.text.contains(PanelTestWorld.clientKey))
        }
    }
}
