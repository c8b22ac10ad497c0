import Foundation
import HTTP
import PanelSimulator
import PanelTesting
import Pterodactyl
import Testing

/// Schedules on the simulator as the panel serves them, and the client's list and delete.
@Suite("Panel schedules")
struct ScheduleTests {
    typealias World = PanelTestWorld

    static let cron = #""minute": "0", "hour": "*/6", "day_of_month": "*", "month": "*", "day_of_week": "*""#

    /// A schedule body named `name` with `cron`.
    static func schedule(_ name: String) -> String { #"{"name": "\#(name)", "# + cron + "}" }

    /// A second account, `renter`, with a client key of its own (a sub-user once a test adds it).
    static func configuration() -> (PanelSimulator.Configuration, SimulatedAPIKey) {
        var configuration = PanelSimulator.Configuration()
        configuration.users.append(SimulatedPanelUser(id: 2, username: "renter", email: "renter@kpw.local"))
        let key = SimulatedAPIKey(token: SimulatedAPIKey.makeToken(prefix: "ptlc_", tag: "renter"), userID: 2, kind: .client)
        configuration.keys.append(key)
        return (configuration, key)
    }

    @Test("validation: name and every cron field required (one 422 entry each), a cron that does not evaluate is 400, tasks need an action and an offset")
    func validation() async throws {
        try await World.with { world in
            let path = "/api/client/servers/\(World.server)/schedules"
            let empty = try await world.raw(.post, path, key: World.clientKey, json: "{}")
            #expect(empty.status == 422)
            #expect(empty.sourceFields == ["name", "minute", "hour", "day_of_month", "month", "day_of_week"])
            let bad = try await world.raw(.post, path, key: World.clientKey, json: #"{"name": "x", "minute": "every", "hour": "*", "day_of_month": "*", "month": "*", "day_of_week": "*"}"#)
            #expect(bad.status == 400 && bad.errorCodes == ["DisplayException"])
            let created = try await world.raw(.post, path, key: World.clientKey, json: Self.schedule("restart"))
            #expect(created.status == 200)
            let attributes = created.json?["attributes"] as? [String: Any]
            #expect((created.json?["object"] as? String) == "server_schedule" && (attributes?["id"] as? Int) == 1)
            #expect(((attributes?["cron"] as? [String: Any])?["hour"] as? String) == "*/6")
            let task = try await world.raw(.post, path + "/1/tasks", key: World.clientKey, json: #"{"action": "reboot"}"#)
            #expect(task.status == 422 && task.sourceFields == ["action", "payload", "time_offset"])
            #expect(try await world.raw(.post, path + "/1/tasks", key: World.clientKey, json: #"{"action": "command", "payload": "say hi", "time_offset": 0}"#).status == 200)
            #expect(try await world.raw(.get, path + "/2", key: World.clientKey).status == 404)
            #expect(try await world.raw(.get, path + "/abc", key: World.clientKey).status == 404)
            #expect(world.panel.schedules(of: World.server).map(\.fields.name) == ["restart"])
        }
    }

    @Test("a sub-user needs schedule.create, .read, .update and .delete for each route; without any access the server is 404")
    func permissions() async throws {
        let (configuration, renter) = Self.configuration()
        try await World.with(configuration) { world async throws in
            let path = "/api/client/servers/\(World.server)/schedules"
            #expect(try await world.raw(.get, path, key: renter.token).status == 404)
            world.panel.addSubuser(userID: 2, to: World.server, permissions: ["schedule.read"])
            #expect(try await world.raw(.post, path, key: renter.token, json: Self.schedule("op")).status == 403)
            #expect(try await world.raw(.post, path, key: World.clientKey, json: Self.schedule("op")).status == 200)
            #expect(try await world.raw(.get, path, key: renter.token).status == 200)
            #expect(try await world.raw(.post, path + "/1", key: renter.token, json: Self.schedule("op2")).status == 403)
            #expect(try await world.raw(.post, path + "/1/tasks", key: renter.token, json: #"{"action": "backup", "time_offset": 0}"#).status == 403)
            #expect(try await world.raw(.delete, path + "/1", key: renter.token).status == 403)
        }
        try await World.with(configuration) { world async throws in
            let path = "/api/client/servers/\(World.server)/schedules"
            world.panel.addSubuser(userID: 2, to: World.server, permissions: ["schedule.create", "schedule.read", "schedule.update", "schedule.delete"])
            #expect(try await world.raw(.post, path, key: renter.token, json: Self.schedule("op")).status == 200)
            #expect(try await world.raw(.post, path + "/1/tasks", key: renter.token, json: #"{"action": "backup", "time_offset": 0}"#).status == 200)
            #expect(try await world.raw(.delete, path + "/1", key: renter.token).status == 204)
            #expect(try await world.raw(.delete, path + "/1", key: renter.token).status == 404)
        }
    }

    @Test("the client lists schedules with their tasks and deletes them all; a repeat finds none")
    func deleteAll() async throws {
        try await World.with { world in
            let path = "/api/client/servers/\(World.server)/schedules"
            for name in ["op me", "restart"] {
                #expect(try await world.raw(.post, path, key: World.clientKey, json: Self.schedule(name)).status == 200)
            }
            _ = try await world.raw(.post, path + "/1/tasks", key: World.clientKey, json: #"{"action": "command", "payload": "op me", "time_offset": 0}"#)
            let listed = try await world.client.schedules(of: World.server)
            #expect(listed.map(\.name) == ["op me", "restart"] && listed[0].taskActions == ["command"] && listed[0].isActive)
            #expect(try await world.client.deleteAllSchedules(of: World.server) == 2)
            #expect(world.panel.schedules(of: World.server).isEmpty)
            #expect(try await world.client.deleteAllSchedules(of: World.server) == 0)
            #expect(world.panel.requests(to: .deleteSchedule).map(\.status) == [204, 204])
        }
    }
}
