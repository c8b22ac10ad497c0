import Foundation
import PanelSimulator
import PanelTesting
import Pterodactyl
import Testing

@Suite("ensureBackup: a backup found by its name")
struct EnsureBackupTests {
    typealias World = PanelTestWorld

    static func configuration() -> PanelSimulator.Configuration {
        var configuration = PanelSimulator.Configuration()
        configuration.automaticBackupDuration = .seconds(30)
        configuration.backupThrottleLimit = 10
        return configuration
    }

    @Test("a repeat returns the completed backup with that name instead of making another")
    func repeatReturnsTheSame() async throws {
        try await World.with(Self.configuration()) { world in
            let first = try await world.client.ensureBackup(of: World.server, named: "loan-7 return", timeout: .seconds(300))
            let second = try await world.client.ensureBackup(of: World.server, named: " loan-7 return ", timeout: .seconds(300))
            #expect(first.state == .succeeded && first.uuid == second.uuid)
            #expect(world.panel.requests(to: .createBackup).count == 1)
            let other = try await world.client.ensureBackup(of: World.server, named: "loan-7 return (2)", timeout: .seconds(300))
            #expect(other.uuid != first.uuid, "only an exact name matches")
        }
    }

    @Test("a running backup with that name is waited for, not doubled")
    func waitsForRunning() async throws {
        try await World.with(Self.configuration()) { world in
            let running = try await world.client.createBackup(of: World.server, name: "loan-8")
            let ensured = try await world.client.ensureBackup(of: World.server, named: "loan-8", timeout: .seconds(300))
            #expect(ensured.uuid == running.uuid && ensured.state == .succeeded)
            #expect(world.panel.requests(to: .createBackup).count == 1)
        }
    }

    @Test("a failed backup with that name leads to a new one; a new one that fails is backupFailed")
    func failedLeadsToNew() async throws {
        try await World.with(Self.configuration()) { world in
            let failed = try await world.client.createBackup(of: World.server, name: "loan-9")
            world.panel.completeBackup(failed.uuid, on: World.server, successful: false)
            let ensured = try await world.client.ensureBackup(of: World.server, named: "loan-9", timeout: .seconds(300))
            #expect(ensured.uuid != failed.uuid && ensured.state == .succeeded)
        }
        var failing = Self.configuration()
        failing.automaticBackupSucceeds = false
        try await World.with(failing) { world in
            let error = try await #require(throws: PanelError.self) {
                try await world.client.ensureBackup(of: World.server, named: "loan-10", timeout: .seconds(300))
            }
            #expect(error.kind == .backupFailed)
            #expect(world.panel.requests(to: .createBackup).count == 1)
        }
    }

    @Test("an empty or overlong name is refused before any request")
    func badNames() async throws {
        try await World.with { world in
            for name in ["", "   ", String(repeating: "b", count: 192)] {
                let error = try await #require(throws: PanelError.self) {
                    try await world.client.ensureBackup(of: World.server, named: name, timeout: .seconds(10))
                }
                #expect(error.kind == .invalidInput(field: "name"))
            }
            #expect(world.panel.requests.isEmpty)
        }
    }
}
