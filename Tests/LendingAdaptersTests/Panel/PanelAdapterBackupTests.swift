import Foundation
import Lending
import LendingAdapters
import PanelSimulator
import PanelTesting
import Pterodactyl
import Testing

/// The adapter against the panel simulator: the backups the archive is made from.
@Suite("Panel adapter: backups")
struct PanelAdapterBackupTests {
    typealias World = PanelTestWorld

    static func configuration() -> PanelSimulator.Configuration {
        var configuration = PanelSimulator.Configuration()
        configuration.automaticBackupDuration = .seconds(45)
        configuration.automaticBackupBytes = 123_457
        configuration.backupThrottleLimit = 10
        return configuration
    }

    static func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("panel-adapter-\(UUID().uuidString).tar.gz").path
    }

    @Test("createBackup answers with the panel's uuid; waitForBackup follows that uuid, not a name a renter can copy")
    func createAndWait() async throws {
        try await World.with(Self.configuration()) { world in
            let panel = world.lendingPanel()
            let earlier = try await world.client.createBackupAndWait(of: World.server, name: "player backup", timeout: .seconds(300))
            let started = try await panel.createBackup(of: World.server, named: "loan 12 return")
            #expect(!started.isSuccessful && started.uuid != earlier.uuid)
            // A backup with the same name, made afterwards, is not the one waited for.
            let copy = try await world.client.createBackup(of: World.server, name: "loan 12 return")
            let done = try await panel.waitForBackup(started.uuid, of: World.server)
            #expect(done.uuid == started.uuid && done.isSuccessful && !done.isLocked && done.bytes == 123_457)
            #expect(world.panel.requests(to: .createBackup).count == 3)
            let listed = try await panel.backups(of: World.server)
            #expect(listed.map(\.uuid) == [earlier.uuid, started.uuid, copy.uuid])
            #expect(listed[0].name == "player backup" && listed[0].createdAt < listed[1].createdAt)
        }
    }

    @Test("waitForBackup returns a backup the node failed, so the caller can make another")
    func failedBackup() async throws {
        var configuration = Self.configuration()
        configuration.automaticBackupSucceeds = false
        try await World.with(configuration) { world in
            let panel = world.lendingPanel()
            let started = try await panel.createBackup(of: World.server, named: "loan 15 return")
            let done = try await panel.waitForBackup(started.uuid, of: World.server)
            #expect(done.uuid == started.uuid && !done.isSuccessful)
        }
    }

    @Test("a full backup limit is a permanent failure that says what to do")
    func limitReached() async throws {
        var configuration = Self.configuration()
        configuration.servers[0].backupLimit = 0
        try await World.with(configuration) { world in
            let failure = try await #require(throws: PortFailure.self) {
                try await world.lendingPanel().createBackup(of: World.server, named: "loan 13 return")
            }
            #expect(failure.kind == .permanent && failure.message.contains("backup limit"))
        }
    }

    @Test("downloadBackup writes the whole archive and returns its checked size")
    func download() async throws {
        try await World.with(Self.configuration()) { world in
            let panel = world.lendingPanel()
            let backup = try await panel.waitForBackup(try await panel.createBackup(of: World.server, named: "loan 14 return").uuid, of: World.server)
            let path = Self.temporaryPath()
            defer { try? FileManager.default.removeItem(atPath: path) }
            let written = try await panel.downloadBackup(backup.uuid, of: World.server, to: path)
            #expect(written == 123_457)
            #expect(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int == 123_457)
            let missing = try await #require(throws: PortFailure.self) {
                try await panel.downloadBackup("50000000-0000-4000-8000-000000000000", of: World.server, to: Self.temporaryPath())
            }
            #expect(missing == .permanent("the backup 50000000-0000-4000-8000-000000000000 of the panel server 1a2b3c4d was not found"))
        }
    }

    @Test("unlockBackup and deleteBackup are no-ops once done; a locked backup is unlocked to be deleted")
    func unlockAndDelete() async throws {
        try await World.with(Self.configuration()) { world in
            let panel = world.lendingPanel()
            let locked = try await world.client.createBackupAndWait(of: World.server, name: "keep", locked: true, timeout: .seconds(300))
            try await panel.unlockBackup(locked.uuid, of: World.server)
            try await panel.unlockBackup(locked.uuid, of: World.server)
            #expect(world.panel.backups(of: World.server).first?.isLocked == false)
            #expect(world.panel.requests(to: .toggleBackupLock).count == 1)
            try await panel.deleteBackup(locked.uuid, of: World.server)
            try await panel.deleteBackup(locked.uuid, of: World.server)
            try await panel.unlockBackup(locked.uuid, of: World.server)
            #expect(world.panel.backups(of: World.server).isEmpty)

            let stillLocked = try await world.client.createBackupAndWait(of: World.server, name: "archive", locked: true, timeout: .seconds(300))
            try await panel.deleteBackup(stillLocked.uuid, of: World.server)
            #expect(world.panel.backups(of: World.server).isEmpty)
        }
    }

    @Test("a backup step on a server that is gone fails permanently instead of passing as done")
    func goneServer() async throws {
        try await World.with(Self.configuration()) { world in
            let panel = world.lendingPanel()
            let failure = try await #require(throws: PortFailure.self) {
                try await panel.deleteBackup("50000000-0000-4000-8000-000000000000", of: "ffffffff")
            }
            #expect(failure == .permanent("the panel server ffffffff was not found"))
            let unlock = try await #require(throws: PortFailure.self) {
                try await panel.unlockBackup("50000000-0000-4000-8000-000000000000", of: "ffffffff")
            }
            #expect(unlock == .permanent("the panel server ffffffff was not found"))
        }
    }
}
