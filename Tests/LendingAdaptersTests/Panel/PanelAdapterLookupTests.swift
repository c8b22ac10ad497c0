import Lending
import LendingAdapters
import PanelTesting
import Secrets
import PanelSimulator
import Testing

/// The adapter's calls a handler makes itself: a server's state and a member's password reset.
@Suite("Panel adapter: server state and password reset")
struct PanelAdapterLookupTests {
    typealias World = PanelTestWorld

    @Test("state reads the power state and the address; a missing server is a permanent failure naming it")
    func state() async throws {
        var configuration = PanelSimulator.Configuration()
        configuration.servers[0].powerState = "running"
        try await World.with(configuration) { world in
            let panel = world.lendingPanel()
            let state = try await panel.state(of: World.server)
            #expect(state.power == "running" && state.isRunning)
            #expect(!state.isSuspended && !state.isInstalling)
            #expect(state.connectionAddress == "mc1.kpw.local:25565")
            let failure = try await #require(throws: PortFailure.self) { try await panel.state(of: "0f0f0f0f") }
            #expect(failure.kind == .permanent)
            #expect(failure.message.contains("0f0f0f0f"))
        }
    }

    @Test("resetPassword sets the password on the member's own account, by email then username, and on no one else's")
    func resetPassword() async throws {
        var configuration = PanelSimulator.Configuration()
        configuration.users.append(SimulatedPanelUser(id: 2, username: "alice", email: "alice@kpw.local", externalID: "100", password: "old"))
        configuration.users.append(SimulatedPanelUser(id: 3, username: "trent", email: "trent@kpw.local", externalID: "200", password: "theirs"))
        try await World.with(configuration) { world in
            let panel = world.lendingPanel()
            let byEmail = try await panel.resetPassword(email: "alice@kpw.local", username: "nobody", owner: "100", to: Secret("new-password-1"))
            #expect(byEmail == .reset(username: "alice", panelUserID: 2))
            #expect(world.panel.user(username: "alice")?.password == "new-password-1")
            let byUsername = try await panel.resetPassword(email: "gone@kpw.local", username: "alice", owner: "100", to: Secret("new-password-2"))
            #expect(byUsername == .reset(username: "alice", panelUserID: 2))
            #expect(world.panel.user(username: "alice")?.password == "new-password-2")
            #expect(try await panel.resetPassword(email: "trent@kpw.local", username: "trent", owner: "100", to: Secret("x")) == .ownedByAnother)
            #expect(try await panel.resetPassword(email: "admin@kpw.local", username: "admin", owner: "100", to: Secret("x")) == .administrator)
            #expect(try await panel.resetPassword(email: "gone@kpw.local", username: "gone", owner: "100", to: Secret("x")) == .notOnPanel)
            #expect(world.panel.user(username: "trent")?.password == "theirs")
        }
    }
}
