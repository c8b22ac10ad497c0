import Foundation
import Lending
import LendingAdapters
import Logging
import PanelTesting
import Testing

/// `rclone link` for `/mcserver-admin archive get`, with the real `rclone` from PATH. Its local
/// backend makes no public links, which is the fallback; a remote that makes them (Drive, S3…)
/// needs an account this machine does not have, so the answer of one is read from a stand-in
/// that prints what rclone prints, only to check the arguments and the parsing.
@Suite("rclone archive links")
struct RcloneArchiveLinkTests {
    let relativePath = "2026/42_20260301_event_organizer/20260301-093000_world.tar.gz"

    /// The archive the upload tests make: a local-backend remote defined in the environment only.
    func archive(in scratch: ScratchDirectory, remote: String? = nil, binary: String = "rclone", extra: [String: String] = [:],
                 logger: Logger = Logger(label: "test.rclone")) throws -> RcloneArchive {
        try RcloneArchiveTests().archive(in: scratch, remote: remote, extra: extra, binary: binary, logger: logger)
    }

    @Test("a stored file on rclone's local backend gets no link: rclone says the remote has none, and nothing is logged as a failure")
    func localBackendHasNoLinks() async throws {
        try await ScratchDirectory.with { scratch in
            let logs = CapturedLogs()
            let archive = try archive(in: scratch, logger: logs.logger)
            let local = try scratch.write(backupBytes(2_000), to: "backup.tar.gz")
            #expect(try await archive.upload(localPath: local, to: relativePath) == 2_000)

            let link = await archive.link(to: archive.displayName + "/" + relativePath, expiry: .seconds(86_400))
            #expect(link == .none(reason: .notSupported))
            #expect(!logs.text.contains("rclone failed"), "\(logs.text)")
        }
    }

    @Test("a destination another target stored, or one with an unsafe path, is not given to rclone")
    func notThisTarget() async throws {
        try await ScratchDirectory.with { scratch in
            let archive = try archive(in: scratch)
            #expect(await archive.link(to: "/srv/archive/" + relativePath, expiry: .seconds(60)) == .none(reason: .notThisTarget))
            #expect(await archive.link(to: "other:loans/" + relativePath, expiry: .seconds(60)) == .none(reason: .notThisTarget))
            #expect(await archive.link(to: archive.displayName + "/../../etc/passwd", expiry: .seconds(60)) == .none(reason: .notThisTarget))
        }
    }

    @Test("an unknown remote fails: rclone's error goes to the log only, and no rclone setting does")
    func unknownRemote() async throws {
        try await ScratchDirectory.with { scratch in
            let logs = CapturedLogs()
            let archive = try archive(in: scratch, remote: "nosuchremote:loans", extra: ["RCLONE_TEST_TOKEN": "token-value-never-shown"],
                                      logger: logs.logger)
            #expect(await archive.link(to: "nosuchremote:loans/" + relativePath, expiry: .seconds(60)) == .none(reason: .failed))
            #expect(logs.text.contains("didn't find section in config file"), "\(logs.text)")
            #expect(!logs.text.contains("token-value-never-shown"))
        }
    }

    @Test("a remote that makes links: the link rclone prints is returned, asked with --expire in seconds and -- before the path; never logged")
    func linkPrinted() async throws {
        try await ScratchDirectory.with { scratch in
            let arguments = scratch.path + "/arguments"
            let binary = try scratch.write(Data("""
                #!/bin/sh
                printf '%s\\n' "$@" > "\(arguments)"
                echo 'https://drive.example/file/d/abc123/view?usp=sharing'

                """.utf8), to: "linking-rclone")
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: binary)
            let logs = CapturedLogs()
            let archive = try archive(in: scratch, remote: "drive:loans", binary: binary, logger: logs.logger)

            let link = await archive.link(to: "drive:loans/" + relativePath, expiry: .seconds(86_400))
            #expect(link == .link("https://drive.example/file/d/abc123/view?usp=sharing"))
            let passed = String(decoding: scratch.contents(of: "arguments") ?? Data(), as: UTF8.self).split(separator: "\n").map(String.init)
            #expect(passed == ["link", "--expire", "86400s", "--", "drive:loans/" + relativePath])
            #expect(!logs.text.contains("drive.example"))
        }
    }
}
