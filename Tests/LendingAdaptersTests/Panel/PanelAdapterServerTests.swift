import Foundation
import Lending
import LendingAdapters
import PanelSimulator
import PanelTesting
import Pterodactyl
import SimulatorSupport
import Testing

/// The adapter against the panel simulator: server details, sub-users, power and reset.
@Suite("Panel adapter: servers, sub-users, power and reset")
struct PanelAdapterServerTests {
    typealias World = PanelTestWorld

    @Test("connectionAddress is the default allocation's alias and port, or nil without one")
    func connectionAddress() async throws {
        var configuration = PanelSimulator.Configuration()
        configuration.servers.append(SimulatedPanelServer.standard(id: 2, identifier: "2b3c4d5e", name: "server02"))
        configuration.servers[1].allocations = configuration.servers[1].allocations.map { allocation in
            var copy = allocation
            copy.isDefault = false
            return copy
        }
        try await World.with(configuration) { world in
            let panel = world.lendingPanel()
            let address = try await panel.connectionAddress(of: World.server)
            #expect(address == "mc1.kpw.local:25565")
            #expect(try await panel.connectionAddress(of: "2b3c4d5e") == nil)
        }
    }

    @Test("setDescription changes the description and keeps the name, owner and external_id")
    func setDescription() async throws {
        var configuration = PanelSimulator.Configuration()
        configuration.servers[0].externalID = "pool-01"
        try await World.with(configuration) { world in
            try await world.lendingPanel().setDescription(of: World.server, to: "Carol: build contest")
            let server = try #require(world.panel.server(World.server))
            #expect(server.description == "Carol: build contest")
            #expect(server.name == "server01" && server.externalID == "pool-01" && server.ownerID == 1)
        }
    }

    @Test("ensureSubuser twice makes one sub-user with exactly the permissions asked for")
    func ensureSubuserTwice() async throws {
        try await World.with { world in
            let panel = world.lendingPanel()
            _ = try await panel.ensureAccount(username: "alice", email: "alice@kpw.local", owner: "100")
            try await panel.ensureSubuser(on: World.server, email: "alice@kpw.local", permissions: LoanPermissions.default)
            try await panel.ensureSubuser(on: World.server, email: "Alice@kpw.local", permissions: LoanPermissions.default)
            let subusers = world.panel.subusers(of: World.server)
            #expect(subusers.count == 1 && subusers.first?.email == "alice@kpw.local")
            #expect(subusers.first?.permissions == LoanPermissions.default.sorted())
            #expect(world.panel.requests(to: .createSubuser).count == 1 && world.panel.subuserWriteCount == 0)
            try await panel.ensureSubuser(on: World.server, email: "alice@kpw.local", permissions: ["control.console", "file.read"])
            #expect(world.panel.subusers(of: World.server).first?.permissions == ["control.console", "file.read", "websocket.connect"])
        }
    }

    @Test("an unknown permission or the server's owner is a permanent failure that says so")
    func refusedSubusers() async throws {
        try await World.with { world in
            let panel = world.lendingPanel()
            let unknown = try await #require(throws: PortFailure.self) {
                try await panel.ensureSubuser(on: World.server, email: "alice@kpw.local", permissions: ["backup.delete-all"])
            }
            #expect(unknown == .permanent("the sub-user permissions are empty or name one the panel does not know"))
            let owner = try await #require(throws: PortFailure.self) {
                try await panel.ensureSubuser(on: World.server, email: "admin@kpw.local", permissions: LoanPermissions.default)
            }
            #expect(owner == .permanent("that account owns the panel server 1a2b3c4d, so it cannot be made a sub-user of it"))
        }
    }

    @Test("removeSubuser twice: the access is gone and the repeat is a no-op")
    func removeSubuserTwice() async throws {
        try await World.with { world in
            let panel = world.lendingPanel()
            try await panel.ensureSubuser(on: World.server, email: "bob@kpw.local", permissions: LoanPermissions.default)
            try await panel.removeSubuser(from: World.server, email: "bob@kpw.local")
            try await panel.removeSubuser(from: World.server, email: "bob@kpw.local")
            #expect(world.panel.subusers(of: World.server).isEmpty)
            #expect(world.panel.requests(to: .deleteSubuser).count == 1)
            #expect(world.panel.user(email: "bob@kpw.local") != nil, "the panel account stays")
        }
    }

    @Test("stopAndWaitOffline stops a running server and waits for offline")
    func stop() async throws {
        var configuration = PanelSimulator.Configuration()
        configuration.servers[0].powerState = "running"
        try await World.with(configuration) { world in
            try await world.lendingPanel().stopAndWaitOffline(World.server)
            #expect(world.panel.server(World.server)?.powerState == "offline")
            #expect(world.panel.requests(to: .power).compactMap { $0.body?["signal"]?.stringValue } == ["stop"])
        }
    }

    @Test("a server that does not stop within the timeout is killed")
    func stopThenKill() async throws {
        var configuration = PanelSimulator.Configuration()
        configuration.servers[0].powerState = "running"
        configuration.powerTransitionDelay = .seconds(900)
        try await World.with(configuration) { world in
            try await world.lendingPanel().stopAndWaitOffline(World.server)
            #expect(world.panel.server(World.server)?.powerState == "offline")
            #expect(world.panel.requests(to: .power).compactMap { $0.body?["signal"]?.stringValue } == ["stop", "kill"])
        }
    }

    @Test("resetServer follows RESET_MODE", arguments: ServerResetMode.allCases)
    func reset(mode: ServerResetMode) async throws {
        var configuration = PanelSimulator.Configuration()
        configuration.servers[0].powerState = "running"
        configuration.automaticInstallDuration = .seconds(90)
        try await World.with(configuration) { world in
            try await world.lendingPanel().resetServer(World.server, mode: mode)
            let server = try #require(world.panel.server(World.server))
            switch mode {
            case .deleteFiles:
                #expect(server.files["/"]?.isEmpty == true && server.powerState == "offline")
                #expect(world.panel.requests(to: .reinstall).isEmpty)
            case .reinstall:
                #expect(world.panel.requests(to: .reinstall).count == 1)
                #expect(server.status == nil && server.files["/"]?.isEmpty == false)
            case .none:
                #expect(world.panel.requests.isEmpty && server.powerState == "running")
            }
        }
    }

    @Test("the default loan permissions are known to the panel and leave out what undermines the archive")
    func loanPermissions() {
        let granted = Set(LoanPermissions.default)
        #expect(granted.isSubset(of: SubuserPermission.all) && granted.count == LoanPermissions.default.count)
        for excluded in ["backup.delete", "settings.reinstall", "startup.update", "startup.docker-image"] {
            #expect(!granted.contains(excluded))
        }
        #expect(!granted.contains { $0.hasPrefix("user.") || $0.hasPrefix("allocation.") || $0.hasPrefix("database.") })
        #expect(granted.isSuperset(of: ["control.console", "control.start", "control.stop", "file.sftp", "backup.create", "backup.download"]))
    }
}
