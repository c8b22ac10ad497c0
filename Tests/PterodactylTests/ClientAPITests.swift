import Foundation
import HTTP
import PanelSimulator
import PanelTesting
import Pterodactyl
import SimulatorSupport
import Testing

@Suite("Client API: server details, power, reinstall, files, startup")
struct ClientAPITests {
    typealias World = PanelTestWorld

    @Test("server details give the default allocation's alias and port, install state and feature limits")
    func serverDetails() async throws {
        try await World.with { world in
            let server = try await world.client.server(World.server)
            #expect(server.identifier == "1a2b3c4d" && server.internalID == 1 && !server.isInstalling)
            #expect(server.connectionAddress == ConnectionAddress(host: "mc1.kpw.local", port: 25565))
            #expect(server.featureLimits.backups == 3 && server.sftp.port == 2022 && server.allocations.count == 2)
            let invalid = try await #require(throws: PanelError.self) { try await world.client.server("1") }
            #expect(invalid.kind == .invalidInput(field: "server"))
            let missing = try await #require(throws: PanelError.self) { try await world.client.server("ffffffff") }
            #expect(missing.kind == .notFound)
        }
    }

    @Test("an allocation without an alias connects to its IP")
    func addressWithoutAlias() async throws {
        var configuration = PanelSimulator.Configuration()
        configuration.servers[0].allocations = [SimulatedAllocation(id: 1, ip: "203.0.113.7", alias: nil, port: 25570, isDefault: true)]
        try await World.with(configuration) { world in
            let server = try await world.client.server(World.server)
            #expect(server.connectionAddress?.description == "203.0.113.7:25570")
        }
    }

    @Test("power signals change the state after Wings' delay, and waitForPowerState sees it")
    func power() async throws {
        try await World.with(adjust: { $0.pollInterval = .seconds(2) }) { world in
            try await world.client.sendPowerSignal(.start, to: World.server)
            #expect(try await world.client.resources(of: World.server).currentState == .starting)
            try await world.client.waitForPowerState(.running, of: World.server, timeout: .seconds(30))
            #expect(world.panel.server(World.server)?.powerState == "running")
            try await world.client.sendPowerSignal(.start, to: World.server)
            #expect(world.panel.server(World.server)?.powerState == "running", "start on a running server is ignored")
            try await world.client.sendPowerSignal(.kill, to: World.server)
            #expect(world.panel.server(World.server)?.powerState == "offline")
            #expect(try await world.client.resources(of: World.server).currentState == .running, "the panel's 20 s cache still answers")
            try await world.client.waitForPowerState(.offline, of: World.server, timeout: .seconds(30))
        }
    }

    @Test("waitForPowerState gives up after its timeout")
    func powerTimeout() async throws {
        var configuration = PanelSimulator.Configuration()
        configuration.powerTransitionDelay = .seconds(600)
        try await World.with(configuration) { world in
            try await world.client.sendPowerSignal(.start, to: World.server)
            let error = try await #require(throws: PanelError.self) {
                try await world.client.waitForPowerState(.running, of: World.server, timeout: .seconds(20))
            }
            #expect(error.kind == .timedOut)
        }
    }

    @Test("an invalid signal is 422 for the owner and 403 for a sub-user; kill needs control.stop")
    func invalidSignal() async throws {
        let memberKey = SimulatedAPIKey.memberClient
        try await World.with(.withMember) { world in
            world.panel.addSubuser(userID: 2, to: World.server, permissions: ["control.start"])
            let owner = try await world.raw(.post, "/api/client/servers/1a2b3c4d/power", key: World.clientKey, json: #"{"signal":"explode"}"#)
            #expect(owner.status == 422 && owner.sourceFields == ["signal"])
            let sub = try await world.raw(.post, "/api/client/servers/1a2b3c4d/power", key: memberKey.token, json: #"{"signal":"explode"}"#)
            #expect(sub.status == 403)
            #expect(try await world.raw(.post, "/api/client/servers/1a2b3c4d/power", key: memberKey.token, json: #"{"signal":"kill"}"#).status == 403)
            #expect(try await world.raw(.post, "/api/client/servers/1a2b3c4d/power", key: memberKey.token, json: #"{"signal":" start "}"#).status == 204)
        }
    }

    @Test("a reinstall answers 202, blocks other calls with 409 until it finishes, and a second reinstall is 409")
    func reinstall() async throws {
        try await World.with { world in
            try await world.client.reinstall(World.server)
            #expect(world.panel.requests(to: .reinstall).last?.status == 202)
            #expect(try await world.client.server(World.server).isInstalling, "GET server is allowed while installing")
            let again = try await world.raw(.post, "/api/client/servers/1a2b3c4d/settings/reinstall", key: World.clientKey)
            #expect(again.status == 409 && again.errorCodes == ["ServerStateConflictException"])
            #expect(try await world.raw(.get, "/api/client/servers/1a2b3c4d/files/list", key: World.clientKey).status == 409)
            world.panel.finishInstall(of: World.server)
            #expect(try await world.client.files(of: World.server).count == 4)
        }
    }

    @Test("a 409 while installing is waited on, within a bound")
    func waitsOutInstall() async throws {
        var configuration = PanelSimulator.Configuration()
        configuration.automaticInstallDuration = .seconds(45)
        try await World.with(configuration) { world in
            try await world.client.reinstall(World.server)
            let files = try await world.client.files(of: World.server)
            #expect(files.count == 4)
            #expect(world.panel.requests(to: .listFiles).map(\.status).filter { $0 == 409 }.count >= 1)
        }
        try await World.with(adjust: { $0.stateConflictWait = .seconds(30) }) { world in
            world.panel.setStatus(of: World.server, to: "installing")
            let error = try await #require(throws: PanelError.self) { try await world.client.files(of: World.server) }
            #expect(error.kind == .serverStateConflict && error.code == "ServerStateConflictException")
        }
    }

    @Test("files: list, Wings' 404 for a missing directory, delete is 204 even when repeated")
    func files() async throws {
        try await World.with { world in
            let root = try await world.client.files(of: World.server)
            #expect(root.map(\.name).sorted() == ["eula.txt", "server.jar", "server.properties", "world"])
            #expect(root.first { $0.name == "world" }?.mimetype == "inode/directory")
            #expect(try await world.client.files(of: World.server, in: "/world").map(\.name) == ["level.dat"])
            let missing = try await #require(throws: PanelError.self) { try await world.client.files(of: World.server, in: "/nope") }
            #expect(missing.kind == .notFound && missing.code == "DaemonConnectionException")
            try await world.client.deleteFiles(on: World.server, names: ["world", "eula.txt"])
            try await world.client.deleteFiles(on: World.server, names: ["world", "eula.txt"])
            #expect(try await world.client.files(of: World.server).map(\.name).sorted() == ["server.jar", "server.properties"])
            #expect(world.panel.server(World.server)?.files["/world"] == nil)
            let empty = try await world.raw(.post, "/api/client/servers/1a2b3c4d/files/delete", key: World.clientKey, json: #"{"root":"/","files":[]}"#)
            #expect(empty.status == 422 && empty.sourceFields == ["files"])
        }
    }

    @Test("startup: visible variables only; hidden is 400, read-only is 400, a rule breach is 422 on value")
    func startup() async throws {
        try await World.with { world in
            let variables = try await world.client.startupVariables(of: World.server)
            #expect(variables.map(\.envVariable) == ["MINECRAFT_VERSION", "SERVER_JARFILE", "BUILD_NUMBER"])
            #expect(variables[0].serverValue == nil && variables[0].effectiveValue == "latest")
            let set = try await world.client.setStartupVariable(on: World.server, key: "MINECRAFT_VERSION", value: "1.21.4")
            #expect(set.effectiveValue == "1.21.4")
            #expect(try await world.client.setStartupVariable(on: World.server, key: "MINECRAFT_VERSION", value: "1.21.4").serverValue == "1.21.4")
            let hidden = try await #require(throws: PanelError.self) { try await world.client.setStartupVariable(on: World.server, key: "DL_PATH", value: "x") }
            #expect(hidden.kind == .rejected(status: 400, code: "BadRequestHttpException"))
            let readOnly = try await #require(throws: PanelError.self) { try await world.client.setStartupVariable(on: World.server, key: "SERVER_JARFILE", value: "x") }
            #expect(readOnly.kind == .rejected(status: 400, code: "BadRequestHttpException"))
            let tooLong = try await #require(throws: PanelError.self) {
                try await world.client.setStartupVariable(on: World.server, key: "MINECRAFT_VERSION", value: String(repeating: "9", count: 21))
            }
            #expect(tooLong.kind == .validation && tooLong.hasViolation(field: "value", rule: "max"))
        }
    }

    @Test("resetServer deletes files except those kept, or reinstalls and waits")
    func reset() async throws {
        var configuration = PanelSimulator.Configuration()
        configuration.servers[0].powerState = "running"
        configuration.automaticInstallDuration = .seconds(30)
        try await World.with(configuration) { world in
            try await world.client.resetServer(World.server, mode: .deleteFiles, keeping: ["server.jar"])
            #expect(world.panel.server(World.server)?.files["/"]?.map(\.name) == ["server.jar"])
            #expect(world.panel.server(World.server)?.powerState == "offline")
            try await world.client.resetServer(World.server, mode: .reinstall)
            #expect(world.panel.server(World.server)?.status == nil)
            #expect(world.panel.requests(to: .reinstall).count == 1)
            try await world.client.resetServer(World.server, mode: .none)
        }
    }
}

@Suite("Client API: sub-users")
struct SubuserTests {
    typealias World = PanelTestWorld

    @Test("adding an unknown email creates a panel user as the panel does; adding again is 400")
    func addCreatesUser() async throws {
        try await World.with { world in
            let added = try await world.client.addSubuser(to: World.server, email: "New.Player+mc@kpw.local", permissions: ["control.start", "file.read"])
            #expect(added.permissions == ["control.start", "file.read", "websocket.connect"])
            let user = try #require(world.panel.user(email: "new.player+mc@kpw.local"))
            #expect(user.firstName == "Server" && user.lastName == "Subuser" && user.username.hasPrefix("new.playermc") && user.username.count == 15)
            let again = try await #require(throws: PanelError.self) {
                try await world.client.addSubuser(to: World.server, email: "new.player+mc@kpw.local", permissions: ["control.start"])
            }
            #expect(again.kind == .rejected(status: 400, code: "ServerSubuserExistsException"))
            let owner = try await #require(throws: PanelError.self) {
                try await world.client.addSubuser(to: World.server, email: "admin@kpw.local", permissions: ["control.start"])
            }
            #expect(owner.code == "UserIsServerOwnerException")
        }
    }

    @Test("list, update and delete; deleting twice is 404; unknown permissions are refused before sending")
    func crud() async throws {
        try await World.with { world in
            let added = try await world.client.addSubuser(to: World.server, email: "p@kpw.local", permissions: ["control.start"])
            #expect(try await world.client.subusers(of: World.server).map(\.email) == ["p@kpw.local"])
            let updated = try await world.client.updateSubuser(on: World.server, userUUID: added.uuid, permissions: ["control.stop", "control.stop"])
            #expect(updated.permissions == ["control.stop", "websocket.connect"])
            #expect(world.panel.requests(to: .updateSubuser).last?.body?["permissions"] == ["control.stop", "websocket.connect"])
            try await world.client.deleteSubuser(from: World.server, userUUID: added.uuid)
            let twice = try await #require(throws: PanelError.self) { try await world.client.deleteSubuser(from: World.server, userUUID: added.uuid) }
            #expect(twice.kind == .notFound)
            #expect(world.panel.user(email: "p@kpw.local") != nil, "the panel account is kept")
            let unknown = try await #require(throws: PanelError.self) {
                try await world.client.addSubuser(to: World.server, email: "q@kpw.local", permissions: ["control.fly"])
            }
            #expect(unknown.kind == .invalidInput(field: "permissions"))
        }
    }

    @Test("the simulator drops unknown permission strings, requires a non-empty list and stops escalation")
    func simulatorRules() async throws {
        let memberKey = SimulatedAPIKey.memberClient
        try await World.with(.withMember) { world in
            world.panel.addSubuser(userID: 2, to: World.server, permissions: ["user.create", "user.update", "control.start"])
            let path = "/api/client/servers/1a2b3c4d/users"
            let dropped = try await world.raw(.post, path, key: World.clientKey, json: #"{"email":"x@kpw.local","permissions":["control.fly","control.start"]}"#)
            #expect(dropped.status == 200)
            #expect(world.panel.subusers(of: World.server).first { $0.email == "x@kpw.local" }?.permissions == ["control.start", "websocket.connect"])
            let empty = try await world.raw(.post, path, key: World.clientKey, json: #"{"email":"y@kpw.local","permissions":[]}"#)
            #expect(empty.status == 422 && empty.sourceFields == ["permissions"])
            let badEmail = try await world.raw(.post, path, key: World.clientKey, json: #"{"email":"nope","permissions":["control.start"]}"#)
            #expect(badEmail.status == 422 && badEmail.sourceFields == ["email"])
            let escalate = try await world.raw(.post, path, key: memberKey.token, json: #"{"email":"z@kpw.local","permissions":["control.stop"]}"#)
            #expect(escalate.status == 403 && escalate.errorCodes == ["HttpForbiddenException"])
            let memberUUID = try #require(world.panel.user(username: "member")?.uuid)
            let selfEdit = try await world.raw(.post, path + "/" + memberUUID, key: memberKey.token, json: #"{"permissions":["control.start"]}"#)
            #expect(selfEdit.status == 403)
            let oddLocal = try await world.raw(.post, path, key: World.clientKey, json: #"{"email":"_x@kpw.local","permissions":["control.start"]}"#)
            #expect(oddLocal.status == 500 && oddLocal.errorCodes == ["DataValidationException"])
        }
    }

    @Test("ensureSubuser adds once, leaves an equal list alone, updates a different one; removeSubuser is a no-op when absent")
    func idempotent() async throws {
        try await World.with { world in
            let first = try await world.client.ensureSubuser(on: World.server, email: "lend@kpw.local", permissions: ["control.start", "file.sftp"])
            let second = try await world.client.ensureSubuser(on: World.server, email: "LEND@kpw.local", permissions: ["file.sftp", "control.start"])
            #expect(first.uuid == second.uuid)
            #expect(world.panel.requests(to: .createSubuser).count == 1 && world.panel.requests(to: .updateSubuser).isEmpty)
            let changed = try await world.client.ensureSubuser(on: World.server, email: "lend@kpw.local", permissions: ["control.start"])
            #expect(changed.permissions == ["control.start", "websocket.connect"] && world.panel.subuserWriteCount == 1)
            #expect(try await world.client.removeSubuser(from: World.server, email: "lend@kpw.local"))
            #expect(try await !world.client.removeSubuser(from: World.server, email: "lend@kpw.local"))
            #expect(world.panel.subusers(of: World.server).isEmpty)
        }
    }

    @Test("an update with the same permissions writes nothing on the panel")
    func unchangedUpdate() async throws {
        try await World.with { world in
            let added = try await world.client.addSubuser(to: World.server, email: "p@kpw.local", permissions: ["control.start"])
            _ = try await world.client.updateSubuser(on: World.server, userUUID: added.uuid, permissions: ["control.start"])
            #expect(world.panel.subuserWriteCount == 0)
        }
    }

    @Test("permissions serialised as an object decode as a list")
    func objectPermissions() throws {
        let json = Data(#"{"uuid":"u","username":"n","email":"e@x.io","2fa_enabled":false,"created_at":"2026-01-01T09:00:00+09:00","permissions":{"0":"control.start","2":"websocket.connect"}}"#.utf8)
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let subuser = try decoder.decode(Subuser.self, from: json)
        #expect(subuser.permissions == ["control.start", "websocket.connect"])
        #expect(subuser.createdAt == Date(timeIntervalSince1970: 1_767_225_600))
    }
}
