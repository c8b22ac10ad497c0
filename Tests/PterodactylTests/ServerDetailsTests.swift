import Foundation
import HTTP
import PanelSimulator
import PanelTesting
import Pterodactyl
import SimulatorSupport
import Testing

/// `PATCH /api/application/servers/{id}/details` (docs/PANEL-API.md §2.7–§2.8).
@Suite("Server details: the description and its full-replace PATCH")
struct ServerDetailsTests {
    typealias World = PanelTestWorld

    static func configuration() -> PanelSimulator.Configuration {
        var configuration = PanelSimulator.Configuration()
        configuration.users.append(SimulatedPanelUser(id: 2, username: "owner2", email: "owner2@kpw.local"))
        configuration.servers[0].externalID = "pool-01"
        configuration.servers[0].description = "free"
        configuration.servers.append(SimulatedPanelServer.standard(id: 2, identifier: "2b3c4d5e", name: "server02"))
        configuration.servers[1].externalID = "pool-02"
        return configuration
    }

    @Test("the simulator replaces every detail: an omitted external_id becomes null and an omitted description empty")
    func fullReplace() async throws {
        try await World.with(Self.configuration()) { world in
            let response = try await world.raw(.patch, "/api/application/servers/1/details", json: #"{"name":" renamed ","user":2}"#)
            #expect(response.status == 200 && response.json?["object"] as? String == "server")
            let attributes = try #require(response.json?["attributes"] as? [String: Any])
            #expect(attributes["name"] as? String == "renamed" && attributes["user"] as? Int == 2)
            #expect(attributes["external_id"] is NSNull && attributes["description"] as? String == "")
            let server = try #require(world.panel.server(World.server))
            #expect(server.externalID == nil && server.description == "" && server.ownerID == 2)
            let again = try await world.raw(.patch, "/api/application/servers/1/details",
                                            json: #"{"name":"renamed","user":"2","external_id":"pool-01","description":"event"}"#)
            #expect(again.status == 200, "a numeric string passes Laravel's integer rule")
            #expect(world.panel.server(World.server)?.externalID == "pool-01" && world.panel.server(World.server)?.description == "event")
        }
    }

    @Test("the simulator shows the description in the application and client server objects")
    func shownInBothAPIs() async throws {
        try await World.with(Self.configuration()) { world in
            let application = try await world.raw(.get, "/api/application/servers/1")
            #expect((application.json?["attributes"] as? [String: Any])?["description"] as? String == "free")
            let client = try await world.raw(.get, "/api/client/servers/1a2b3c4d", key: World.clientKey)
            #expect((client.json?["attributes"] as? [String: Any])?["description"] as? String == "free")
            let filtered = try await world.raw(.get, "/api/application/servers?filter%5Bdescription%5D=fre")
            #expect((filtered.json?["data"] as? [Any])?.count == 1)
        }
    }

    @Test("the simulator answers 422 entries for a missing name or user, an unknown user, a long name and a taken external_id")
    func validation() async throws {
        try await World.with(Self.configuration()) { world in
            let missing = try await world.raw(.patch, "/api/application/servers/1/details", json: #"{"description":"x"}"#)
            #expect(missing.status == 422 && missing.sourceFields == ["name", "user"])
            #expect(missing.errorCodes == ["ValidationException", "ValidationException"])
            #expect((missing.firstError?["status"] as? String) == "422")
            #expect(((missing.firstError?["meta"] as? [String: Any])?["rule"] as? String) == "required")
            let unknown = try await world.raw(.patch, "/api/application/servers/1/details", json: #"{"name":"x","user":99}"#)
            #expect(unknown.status == 422 && unknown.sourceFields == ["user"])
            #expect(((unknown.firstError?["meta"] as? [String: Any])?["rule"] as? String) == "exists")
            let long = String(repeating: "n", count: 192)
            let tooLong = try await world.raw(.patch, "/api/application/servers/1/details", json: #"{"name":"\#(long)","user":1}"#)
            #expect(tooLong.status == 422 && tooLong.sourceFields == ["name"])
            let taken = try await world.raw(.patch, "/api/application/servers/1/details", json: #"{"name":"x","user":1,"external_id":"pool-02"}"#)
            #expect(taken.status == 422 && taken.sourceFields == ["external_id"])
            #expect(world.panel.server(World.server)?.name == "server01", "a refused PATCH changes nothing")
            #expect(try await world.raw(.patch, "/api/application/servers/9/details", json: #"{"name":"x","user":1}"#).status == 404)
        }
    }

    @Test("the simulator needs the r_servers write bit for the PATCH")
    func needsWriteBit() async throws {
        var configuration = Self.configuration()
        configuration.keys = [SimulatedAPIKey(token: World.applicationKey, userID: 1, kind: .application(permissions: ["users": 3, "servers": 1])),
                              SimulatedAPIKey.adminClient]
        try await World.with(configuration) { world in
            #expect(try await world.raw(.get, "/api/application/servers/1").status == 200)
            let write = try await world.raw(.patch, "/api/application/servers/1/details", json: #"{"name":"x","user":1}"#)
            #expect(write.status == 403 && write.errorCodes == ["AccessDeniedHttpException"])
        }
    }

    @Test("setDescription re-sends the current name, owner and external_id, so only the description changes")
    func setDescriptionKeepsTheRest() async throws {
        var configuration = Self.configuration()
        configuration.servers[0].ownerID = 2
        try await World.with(configuration) { world in
            let updated = try await world.client.setDescription(of: World.server, to: "  Alice's event  ")
            #expect(updated.description == "Alice's event" && updated.name == "server01")
            let server = try #require(world.panel.server(World.server))
            #expect(server.description == "Alice's event" && server.name == "server01")
            #expect(server.externalID == "pool-01" && server.ownerID == 2)
            let patch = try #require(world.panel.requests(to: .updateServerDetails).last)
            #expect(patch.header("Authorization") == "Bearer \(World.applicationKey)")
            #expect(patch.body?["user"] == .integer(2) && patch.body?["external_id"]?.stringValue == "pool-01")
            #expect(try await world.client.findServer(identifier: World.server)?.description == "Alice's event")
        }
    }

    @Test("setDescription keeps a missing external_id missing, sends nothing when unchanged, and reports an unknown server")
    func setDescriptionEdges() async throws {
        try await World.with { world in
            try await world.client.setDescription(of: World.server, to: "event")
            #expect(world.panel.server(World.server)?.externalID == nil)
            #expect(world.panel.requests(to: .updateServerDetails).last?.body?["external_id"] == .null)
            try await world.client.setDescription(of: World.server, to: "event")
            #expect(world.panel.requests(to: .updateServerDetails).count == 1)
            try await world.client.setDescription(of: World.server, to: "")
            #expect(world.panel.server(World.server)?.description == "")
            let missing = try await #require(throws: PanelError.self) { try await world.client.setDescription(of: "ffffffff", to: "x") }
            #expect(missing.kind == .notFound)
        }
    }
}
