import Foundation
import Lending
import LendingAdapters
import Logging
import PanelTesting
import Testing

/// These run the real `rclone` from PATH (scripts/install-dependencies installs it) against a
/// local-backend remote defined only in the child's environment. Without rclone they fail.
@Suite("rclone archive")
struct RcloneArchiveTests {
    let relativePath = "2026/42_20260301_夏祭り-🎆_organizer/20260301-093000_world.tar.gz"

    /// A remote `archivetest:` of type local, and an empty configuration file, so that neither
    /// the developer's rclone.conf nor the test process's environment is involved.
    func archive(in scratch: ScratchDirectory, remote: String? = nil, extra: [String: String] = [:], binary: String = "rclone",
                 logger: Logger = Logger(label: "test.rclone")) throws -> RcloneArchive {
        let config = try scratch.write(Data(), to: "rclone.conf")
        let environment = ["RCLONE_CONFIG": config, "RCLONE_CONFIG_ARCHIVETEST_TYPE": "local"].merging(extra) { $1 }
        return RcloneArchive(remote: remote ?? "archivetest:\(scratch.path)/remote", rcloneBinary: binary, environment: environment, logger: logger)
    }

    @Test("an upload stores the exact bytes under remote:path and reports the size rclone sees")
    func upload() async throws {
        try await ScratchDirectory.with { scratch in
            let backup = backupBytes(250_000)
            let local = try scratch.write(backup, to: "download/backup.tar.gz")
            let archive = try archive(in: scratch)

            #expect(try await archive.upload(localPath: local, to: relativePath) == 250_000)
            #expect(scratch.contents(of: "remote/" + relativePath) == backup)
            #expect(try await archive.storedSize(of: relativePath) == 250_000)
            #expect(archive.displayName == "archivetest:\(scratch.path)/remote")
        }
    }

    @Test("uploading again replaces the file")
    func retryReplaces() async throws {
        try await ScratchDirectory.with { scratch in
            let first = try scratch.write(backupBytes(4_000, seed: 1), to: "first.tar.gz")
            let second = try scratch.write(backupBytes(9_000, seed: 2), to: "second.tar.gz")
            let archive = try archive(in: scratch)

            #expect(try await archive.upload(localPath: first, to: relativePath) == 4_000)
            #expect(try await archive.upload(localPath: second, to: relativePath) == 9_000)
            #expect(scratch.contents(of: "remote/" + relativePath) == backupBytes(9_000, seed: 2))
        }
    }

    @Test("the on-the-fly :local: backend and a bare remote: both join paths correctly")
    func remoteSpellings() async throws {
        try await ScratchDirectory.with { scratch in
            let local = try scratch.write(backupBytes(1_000), to: "backup.tar.gz")
            let onTheFly = RcloneArchive(remote: ":local:\(scratch.path)/fly/", environment: ["RCLONE_CONFIG": try scratch.write(Data(), to: "rclone.conf")])
            #expect(try await onTheFly.upload(localPath: local, to: "a/b.tar.gz") == 1_000)
            #expect(scratch.contents(of: "fly/a/b.tar.gz") == backupBytes(1_000))
            // A local path holding a colon must not be read as a remote name.
            let colon = try scratch.write(backupBytes(10), to: "odd:name.tar.gz")
            #expect(try await onTheFly.upload(localPath: colon, to: "c.tar.gz") == 10)
        }
    }

    @Test("a file that is not on the remote has no stored size")
    func missingFile() async throws {
        try await ScratchDirectory.with { scratch in
            let archive = try archive(in: scratch)
            #expect(try await archive.storedSize(of: relativePath) == nil)
            try FileManager.default.createDirectory(atPath: scratch.path + "/remote/2026", withIntermediateDirectories: true)
            #expect(try await archive.storedSize(of: "2026/missing.tar.gz") == nil)
        }
    }

    @Test("an unknown remote is a permanent failure in fixed words; rclone's last line goes to the log only")
    func unknownRemote() async throws {
        try await ScratchDirectory.with { scratch in
            let local = try scratch.write(backupBytes(100), to: "backup.tar.gz")
            let logs = CapturedLogs()
            let archive = try archive(in: scratch, remote: "nosuchremote:loans", extra: ["RCLONE_TEST_TOKEN": "token-value-never-shown"],
                                      logger: logs.logger)

            let upload = await #expect(throws: PortFailure.self) { try await archive.upload(localPath: local, to: relativePath) }
            #expect(upload?.kind == .permanent)
            let message = upload?.message ?? ""
            #expect(message == "rclone: cannot upload \(relativePath) (copyto exit code 1, syntax or usage error); its error output is in the bot's log")
            #expect(logs.text.contains("didn't find section in config file"), "\(logs.text)")
            #expect(!logs.text.contains("token-value-never-shown"))

            let query = await #expect(throws: PortFailure.self) { try await archive.storedSize(of: relativePath) }
            #expect(query?.kind == .permanent)
        }
    }

    @Test("rclone sees the RCLONE_* settings and a few system variables, never the bot's other variables")
    func childEnvironment() async throws {
        try await ScratchDirectory.with { scratch in
            let dump = scratch.path + "/environment"
            let binary = try scratch.write(Data("#!/bin/sh\nenv > \"$RCLONE_DUMP\"\nexit 7\n".utf8), to: "env-rclone")
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: binary)
            setenv("LENDING_TEST_DISCORD_TOKEN", "bot-token-never-passed", 1)
            let archive = try archive(in: scratch, extra: ["RCLONE_DUMP": dump], binary: binary)
            _ = await #expect(throws: PortFailure.self) { try await archive.storedSize(of: relativePath) }
            let seen = try String(contentsOfFile: dump, encoding: .utf8)
            #expect(seen.contains("RCLONE_CONFIG_ARCHIVETEST_TYPE=local") && seen.contains("PATH="))
            #expect(!seen.contains("bot-token-never-passed"))
            let names = seen.split(separator: "\n").compactMap { $0.split(separator: "=").first.map(String.init) }
            #expect(names.allSatisfy { $0.hasPrefix("RCLONE_") || ["PATH", "HOME", "TMPDIR", "PWD", "SHLVL", "_"].contains($0)
                || $0.hasPrefix("XDG_") || $0.hasPrefix("SSL_") || $0.lowercased().hasSuffix("_proxy") }, "\(names)")
        }
    }

    @Test("unsafe paths, a missing backup and a missing rclone binary are permanent failures")
    func refusals() async throws {
        try await ScratchDirectory.with { scratch in
            let local = try scratch.write(backupBytes(100), to: "backup.tar.gz")
            let archive = try archive(in: scratch)
            for path in unsafeRelativePaths {
                let failure = await #expect(throws: PortFailure.self) { try await archive.upload(localPath: local, to: path) }
                #expect(failure?.kind == .permanent)
            }
            #expect(!FileManager.default.fileExists(atPath: scratch.path + "/escaped.tar.gz"))

            let missing = await #expect(throws: PortFailure.self) { try await archive.upload(localPath: scratch.path + "/gone.tar.gz", to: relativePath) }
            #expect(missing?.kind == .permanent)

            let noBinary = RcloneArchive(remote: "archivetest:/x", rcloneBinary: scratch.path + "/no-such-rclone")
            let notFound = await #expect(throws: PortFailure.self) { try await noBinary.storedSize(of: relativePath) }
            #expect(notFound?.kind == .permanent)
            let notInPath = RcloneArchive(remote: "archivetest:/x", rcloneBinary: "no-such-rclone-in-path")
            let alsoNotFound = await #expect(throws: PortFailure.self) { try await notInPath.storedSize(of: relativePath) }
            #expect(alsoNotFound?.kind == .permanent)
        }
    }
}

/// A stand-in for rclone that records its process id and then sleeps, for the time-limit tests
/// only: the real binary finishes too quickly to be caught running.
@Suite("rclone archive: time limits and cancellation")
struct RcloneArchiveTimeLimitTests {
    func makeSleeper(in scratch: ScratchDirectory) throws -> (binary: String, pidFile: String) {
        let binary = try scratch.write(Data("#!/bin/sh\necho $$ > \"$PID_FILE.tmp\" && mv \"$PID_FILE.tmp\" \"$PID_FILE\"\nexec sleep 300\n".utf8), to: "sleepy-rclone")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: binary)
        return (binary, scratch.path + "/rclone.pid")
    }

    /// True while a process with this id exists; a reaped child leaves no /proc entry.
    func isRunning(_ pid: String) -> Bool {
        FileManager.default.fileExists(atPath: "/proc/\(pid)")
    }

    @Test("an upload that outlives its time limit is killed and reported as transient", .timeLimit(.minutes(1)))
    func uploadTimeout() async throws {
        try await ScratchDirectory.with { scratch in
            let (binary, pidFile) = try makeSleeper(in: scratch)
            let local = try scratch.write(backupBytes(100), to: "backup.tar.gz")
            let archive = RcloneArchive(remote: "archivetest:/x", rcloneBinary: binary, environment: ["PID_FILE": pidFile], uploadTimeout: .seconds(2))

            let failure = await #expect(throws: PortFailure.self) { try await archive.upload(localPath: local, to: "a.tar.gz") }
            #expect(failure?.kind == .transient)
            #expect(failure?.message.contains("did not finish") == true)
            let pid = try #require(scratch.contents(of: "rclone.pid").map { String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) })
            #expect(!isRunning(pid), "the child was killed and reaped")
        }
    }

    @Test("a size query that outlives its time limit is killed too", .timeLimit(.minutes(1)))
    func queryTimeout() async throws {
        try await ScratchDirectory.with { scratch in
            let (binary, pidFile) = try makeSleeper(in: scratch)
            let archive = RcloneArchive(remote: "archivetest:/x", rcloneBinary: binary, environment: ["PID_FILE": pidFile], queryTimeout: .seconds(2))

            let failure = await #expect(throws: PortFailure.self) { try await archive.storedSize(of: "a.tar.gz") }
            #expect(failure?.kind == .transient)
            let pid = try #require(scratch.contents(of: "rclone.pid").map { String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) })
            #expect(!isRunning(pid))
        }
    }

    @Test("cancelling the task kills rclone and reports the cancellation", .timeLimit(.minutes(1)))
    func cancellation() async throws {
        try await ScratchDirectory.with { scratch in
            let (binary, pidFile) = try makeSleeper(in: scratch)
            let local = try scratch.write(backupBytes(100), to: "backup.tar.gz")
            let archive = RcloneArchive(remote: "archivetest:/x", rcloneBinary: binary, environment: ["PID_FILE": pidFile])

            let upload = Task { try await archive.upload(localPath: local, to: "a.tar.gz") }
            var pid: String?
            // Waits for the stand-in to announce itself; the time limit bounds the loop.
            while pid == nil {
                try await Task.sleep(for: .milliseconds(20))
                pid = scratch.contents(of: "rclone.pid").map { String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) }
            }
            #expect(isRunning(try #require(pid)))
            upload.cancel()
            await #expect(throws: CancellationError.self) { try await upload.value }
            #expect(!isRunning(try #require(pid)))
        }
    }
}
