import Foundation
import HTTP
import PanelSimulator
import PanelTesting
import Pterodactyl
import Secrets
import Testing

@Suite("Client API: backups")
struct BackupTests {
    typealias World = PanelTestWorld

    @Test("create answers a running backup; Wings completes it; the list counts running and successful ones")
    func createAndComplete() async throws {
        try await World.with { world in
            let backup = try await world.client.createBackup(of: World.server, name: "loan 12", ignoredFiles: ["*.log", "cache"])
            #expect(backup.state == .running && backup.bytes == 0 && backup.checksum == nil && backup.ignoredFiles == ["*.log", "cache"])
            world.panel.completeBackup(backup.uuid, on: World.server, bytes: 4096)
            let done = try await world.client.backup(backup.uuid, of: World.server)
            #expect(done.state == .succeeded && done.bytes == 4096 && done.checksum?.hasPrefix("sha1:") == true)
            let second = try await world.client.createBackup(of: World.server)
            #expect(second.name.hasPrefix("Backup at "))
            world.panel.completeBackup(second.uuid, on: World.server, successful: false)
            let list = try await world.client.backups(of: World.server)
            #expect(list.backups.count == 2 && list.activeCount == 1)
        }
    }

    @Test("the throttle allows 2 per 600 s, counting deleted backups, and answers 429 with Retry-After")
    func throttle() async throws {
        try await World.with { world in
            let first = try await world.client.createBackup(of: World.server)
            world.panel.completeBackup(first.uuid, on: World.server)
            try await world.client.deleteBackup(first.uuid, of: World.server)
            _ = try await world.client.createBackup(of: World.server)
            world.panel.advance(by: .seconds(100))
            let raw = try await world.raw(.post, "/api/client/servers/1a2b3c4d/backups", key: World.clientKey, json: "{}")
            #expect(raw.status == 429 && raw.errorCodes == ["TooManyRequestsHttpException"] && raw.headers["Retry-After"] == "500")
            let error = try await #require(throws: PanelError.self) { try await world.client.createBackup(of: World.server) }
            #expect(error.kind == .rateLimited(retryAfter: .seconds(500)))
            world.panel.advance(by: .seconds(500))
            _ = try await world.client.createBackup(of: World.server)
        }
    }

    @Test("the limit counts running and successful backups, not failed ones; a limit of 0 or null disables backups")
    func limit() async throws {
        var configuration = PanelSimulator.Configuration()
        configuration.backupThrottleLimit = 100
        configuration.servers[0].backupLimit = 2
        configuration.servers.append(SimulatedPanelServer.standard(id: 2, identifier: "2b3c4d5e", name: "server02"))
        configuration.servers[1].backupLimit = nil
        try await World.with(configuration) { world in
            let failed = try await world.client.createBackup(of: World.server)
            world.panel.completeBackup(failed.uuid, on: World.server, successful: false)
            _ = try await world.client.createBackup(of: World.server)
            _ = try await world.client.createBackup(of: World.server)
            let full = try await #require(throws: PanelError.self) { try await world.client.createBackup(of: World.server) }
            #expect(full.kind == .rejected(status: 400, code: "TooManyBackupsException"))
            let disabled = try await #require(throws: PanelError.self) { try await world.client.createBackup(of: "2b3c4d5e") }
            #expect(disabled.kind == .rejected(status: 400, code: "TooManyBackupsException"))
        }
    }

    @Test("the lock toggles, setBackupLock reads first, unlockAll unlocks everything, and a locked successful backup cannot be deleted")
    func locks() async throws {
        try await World.with { world in
            let backup = try await world.client.createBackup(of: World.server, locked: true)
            #expect(backup.isLocked)
            world.panel.completeBackup(backup.uuid, on: World.server)
            #expect(try await !world.client.toggleBackupLock(backup.uuid, of: World.server).isLocked)
            #expect(try await world.client.toggleBackupLock(backup.uuid, of: World.server).isLocked, "a second toggle flips it back")
            let toggles = world.panel.requests(to: .toggleBackupLock).count
            try await world.client.setBackupLock(backup.uuid, of: World.server, locked: true)
            #expect(world.panel.requests(to: .toggleBackupLock).count == toggles, "already locked: no toggle")
            let locked = try await #require(throws: PanelError.self) { try await world.client.deleteBackup(backup.uuid, of: World.server) }
            #expect(locked.kind == .rejected(status: 400, code: "BackupLockedException"))
            let running = try await world.client.createBackup(of: World.server, locked: true)
            #expect(try await world.client.unlockAll(on: World.server) == 2)
            #expect(world.panel.backups(of: World.server).allSatisfy { !$0.isLocked })
            #expect(try await world.client.unlockAll(on: World.server) == 0)
            try await world.client.deleteBackup(backup.uuid, of: World.server)
            let twice = try await #require(throws: PanelError.self) { try await world.client.deleteBackup(backup.uuid, of: World.server) }
            #expect(twice.kind == .notFound)
            try await world.client.setBackupLock(running.uuid, of: World.server, locked: true)
            try await world.client.deleteBackup(running.uuid, of: World.server)
        }
    }

    @Test("is_locked is honoured only for a caller with backup.delete")
    func lockNeedsDelete() async throws {
        let memberKey = SimulatedAPIKey.memberClient
        try await World.with(.withMember) { world in
            world.panel.addSubuser(userID: 2, to: World.server, permissions: ["backup.create", "backup.read"])
            let response = try await world.raw(.post, "/api/client/servers/1a2b3c4d/backups", key: memberKey.token, json: #"{"is_locked":true}"#)
            #expect(response.status == 200)
            #expect(world.panel.backups(of: World.server).first?.isLocked == false)
            #expect(try await world.raw(.get, "/api/client/servers/1a2b3c4d/backups/x/download", key: memberKey.token).status == 403)
        }
    }

    @Test("createBackupAndWait polls until Wings finishes, and reports a failed backup")
    func createAndWait() async throws {
        var configuration = PanelSimulator.Configuration()
        configuration.automaticBackupDuration = .seconds(30)
        try await World.with(configuration) { world in
            let backup = try await world.client.createBackupAndWait(of: World.server, name: "return", timeout: .seconds(120))
            #expect(backup.state == .succeeded && backup.bytes == configuration.automaticBackupBytes)
        }
        try await World.with { world in
            let timedOut = try await #require(throws: PanelError.self) {
                try await world.client.createBackupAndWait(of: World.server, timeout: .seconds(20))
            }
            #expect(timedOut.kind == .timedOut)
        }
    }

    @Test("a signed download URL works once; each request for one gives a new URL")
    func singleUseURL() async throws {
        try await World.with { world in
            let backup = try await world.client.createBackup(of: World.server)
            world.panel.completeBackup(backup.uuid, on: World.server, bytes: 1000)
            let url = try await world.client.backupDownloadURL(backup.uuid, of: World.server)
            #expect("\(url)" == "<redacted>")
            let other = try await world.client.backupDownloadURL(backup.uuid, of: World.server)
            #expect(url.revealed() != other.revealed())
            let first = try await world.http.send(HTTPRequest(url: url.revealed()))
            #expect(first.status == 200 && first.body.count == 1000 && first.body[500] == SimulatedBackupContent.byte(at: 500))
            #expect(try await world.http.send(HTTPRequest(url: url.revealed())).status == 404)
        }
    }

    @Test("downloadBackup retries a cut transfer with a fresh URL and checks the size; a running backup is refused")
    func downloadRetries() async throws {
        let logs = CapturedLogs()
        try await World.with(logger: logs.logger) { world in
            let backup = try await world.client.createBackup(of: World.server)
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("ptero-\(UUID().uuidString).tar.gz").path
            defer { try? FileManager.default.removeItem(atPath: path) }
            let notReady = try await #require(throws: PanelError.self) { try await world.client.downloadBackup(backup.uuid, of: World.server, to: path) }
            #expect(notReady.kind == .backupNotReady)
            world.panel.completeBackup(backup.uuid, on: World.server, bytes: 2_000_000)
            world.panel.injectDownloadFault(.resetAfter(bytes: 700_000))
            let written = try await world.client.downloadBackup(backup.uuid, of: World.server, to: path)
            #expect(written == 2_000_000)
            #expect(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int == 2_000_000)
            #expect(world.panel.requests(to: .backupDownloadURL).count == 2)
            #expect(!FileManager.default.fileExists(atPath: path + ".partial"))
            #expect(!logs.text.contains("token="), "the signed URL is never logged")
        }
    }

    @Test("a multi-hundred-megabyte backup streams to disk in bounded memory")
    func largeDownload() async throws {
        let size: Int64 = 300 * 1024 * 1024
        try await World.with { world in
            let backup = try await world.client.createBackup(of: World.server)
            world.panel.completeBackup(backup.uuid, on: World.server, bytes: size)
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("ptero-large-\(UUID().uuidString).tar.gz").path
            defer { try? FileManager.default.removeItem(atPath: path) }
            let peakBefore = MemoryStatus.peakResidentBytes()
            #expect(peakBefore > 0, "VmHWM is readable")
            let written = try await world.client.downloadBackup(backup.uuid, of: World.server, to: path)
            let growth = MemoryStatus.peakResidentBytes() - peakBefore
            #expect(written == size)
            #expect(growth < 96 * 1024 * 1024, "peak memory grew by \(growth / 1_048_576) MiB for a \(size / 1_048_576) MiB download")
            let handle = try #require(FileHandle(forReadingAtPath: path))
            defer { try? handle.close() }
            for offset: Int64 in [0, 1, 250, 251, 123_456_789, size - 1] {
                try handle.seek(toOffset: UInt64(offset))
                #expect(try handle.read(upToCount: 1)?.first == SimulatedBackupContent.byte(at: offset))
            }
        }
    }
}

/// `VmHWM` from /proc/self/status: the process's peak resident set.
enum MemoryStatus {
    static func peakResidentBytes() -> Int64 {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kilobytes = Int64(line.split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst().first ?? "") else { return 0 }
        return kilobytes * 1024
    }
}
