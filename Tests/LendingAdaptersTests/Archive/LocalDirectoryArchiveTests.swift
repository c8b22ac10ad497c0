import Foundation
import Lending
import LendingAdapters
import Testing

/// Paths that the archive must refuse before touching the disk.
let unsafeRelativePaths = [
    "", "/", "../escaped.tar.gz", "../../escaped.tar.gz", "/abs/escaped.tar.gz", "a/../../escaped.tar.gz", "a/./b.tar.gz",
    "a//b.tar.gz", "a/", ".", "..", "a\\..\\b.tar.gz", "a/b\u{0}.tar.gz", "a/b\n.tar.gz",
]

@Suite("Local directory archive")
struct LocalDirectoryArchiveTests {
    let relativePath = "2026/42_20260301_夏祭り-🎆_organizer/20260301-093000_world.tar.gz"

    @Test("an upload creates the folders, stores the exact bytes and reports their size")
    func upload() async throws {
        try await ScratchDirectory.with { scratch in
            let backup = backupBytes(300_000)
            let local = try scratch.write(backup, to: "download/backup.tar.gz")
            try FileManager.default.createDirectory(atPath: scratch.path + "/archive", withIntermediateDirectories: false)
            let archive = LocalDirectoryArchive(directory: scratch.path + "/archive")

            #expect(try await archive.upload(localPath: local, to: relativePath) == 300_000)
            #expect(scratch.contents(of: "archive/" + relativePath) == backup)
            #expect(try await archive.storedSize(of: relativePath) == 300_000)
            #expect(archive.displayName == scratch.path + "/archive")
        }
    }

    @Test("uploading again replaces the file, and no temporary file is left behind")
    func retryReplaces() async throws {
        try await ScratchDirectory.with { scratch in
            let first = try scratch.write(backupBytes(5_000, seed: 1), to: "first.tar.gz")
            let second = try scratch.write(backupBytes(70_000, seed: 2), to: "second.tar.gz")
            let empty = try scratch.write(Data(), to: "empty.tar.gz")
            try FileManager.default.createDirectory(atPath: scratch.path + "/archive", withIntermediateDirectories: false)
            let archive = LocalDirectoryArchive(directory: scratch.path + "/archive")

            #expect(try await archive.upload(localPath: first, to: relativePath) == 5_000)
            #expect(try await archive.upload(localPath: second, to: relativePath) == 70_000)
            #expect(scratch.contents(of: "archive/" + relativePath) == backupBytes(70_000, seed: 2))
            #expect(try await archive.upload(localPath: empty, to: relativePath) == 0)
            #expect(try await archive.storedSize(of: relativePath) == 0)
            let folder = (relativePath as NSString).deletingLastPathComponent
            #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path + "/archive/" + folder) == ["20260301-093000_world.tar.gz"])
        }
    }

    @Test("a path that is absolute or leaves the directory is refused before anything is written", arguments: unsafeRelativePaths)
    func refusesUnsafePaths(_ path: String) async throws {
        try await ScratchDirectory.with { scratch in
            let local = try scratch.write(backupBytes(100), to: "backup.tar.gz")
            try FileManager.default.createDirectory(atPath: scratch.path + "/deep/archive", withIntermediateDirectories: true)
            let archive = LocalDirectoryArchive(directory: scratch.path + "/deep/archive")
            let before = scratch.listing()

            let upload = await #expect(throws: PortFailure.self) { try await archive.upload(localPath: local, to: path) }
            #expect(upload?.kind == .permanent)
            let query = await #expect(throws: PortFailure.self) { try await archive.storedSize(of: path) }
            #expect(query?.kind == .permanent)
            #expect(scratch.listing() == before)
            #expect(!FileManager.default.fileExists(atPath: "/abs/escaped.tar.gz"))
        }
    }

    @Test("a file that is not there has no stored size")
    func missingFile() async throws {
        try await ScratchDirectory.with { scratch in
            let archive = LocalDirectoryArchive(directory: scratch.path)
            #expect(try await archive.storedSize(of: relativePath) == nil)
            try FileManager.default.createDirectory(atPath: scratch.path + "/2026", withIntermediateDirectories: false)
            #expect(try await archive.storedSize(of: "2026/missing.tar.gz") == nil)
        }
    }

    @Test("a folder where the file should be is a permanent failure, not a missing file")
    func folderInsteadOfFile() async throws {
        try await ScratchDirectory.with { scratch in
            try FileManager.default.createDirectory(atPath: scratch.path + "/2026/x.tar.gz", withIntermediateDirectories: true)
            let failure = await #expect(throws: PortFailure.self) {
                try await LocalDirectoryArchive(directory: scratch.path).storedSize(of: "2026/x.tar.gz")
            }
            #expect(failure?.kind == .permanent)
        }
    }

    @Test("a directory that cannot take the file is a permanent failure that names the step")
    func unwritable() async throws {
        try await ScratchDirectory.with { scratch in
            let secret = Data("CONTENTS-NOT-FOR-MESSAGES".utf8)
            let local = try scratch.write(secret, to: "backup.tar.gz")
            // Permission bits do not stop root, so the folders go through regular files instead.
            try scratch.write(Data("a file".utf8), to: "archive/2026")
            try scratch.write(Data("a file".utf8), to: "not-a-directory")

            let intermediate = await #expect(throws: PortFailure.self) {
                try await LocalDirectoryArchive(directory: scratch.path + "/archive").upload(localPath: local, to: "2026/x/backup.tar.gz")
            }
            #expect(intermediate?.kind == .permanent)
            #expect(intermediate?.message.contains("create the folder for 2026/x/backup.tar.gz") == true)

            let rootIsAFile = await #expect(throws: PortFailure.self) {
                try await LocalDirectoryArchive(directory: scratch.path + "/not-a-directory").upload(localPath: local, to: "a.tar.gz")
            }
            #expect(rootIsAFile?.kind == .permanent)

            let belowAFile = await #expect(throws: PortFailure.self) {
                try await LocalDirectoryArchive(directory: scratch.path + "/not-a-directory/archive").upload(localPath: local, to: "a.tar.gz")
            }
            #expect(belowAFile?.kind == .permanent)

            let missingRoot = await #expect(throws: PortFailure.self) {
                try await LocalDirectoryArchive(directory: scratch.path + "/unmounted").upload(localPath: local, to: "a.tar.gz")
            }
            #expect(missingRoot?.kind == .permanent)
            #expect(missingRoot?.message.contains("does not exist") == true)
            #expect(!FileManager.default.fileExists(atPath: scratch.path + "/unmounted"), "the target directory itself is never created")

            for failure in [intermediate, rootIsAFile, belowAFile, missingRoot] {
                #expect(failure?.message.contains("CONTENTS-NOT-FOR-MESSAGES") == false)
            }
        }
    }

    @Test("a backup that is not there is a permanent failure")
    func missingLocalFile() async throws {
        try await ScratchDirectory.with { scratch in
            let failure = await #expect(throws: PortFailure.self) {
                try await LocalDirectoryArchive(directory: scratch.path).upload(localPath: scratch.path + "/gone.tar.gz", to: "a.tar.gz")
            }
            #expect(failure?.kind == .permanent)
            #expect(scratch.listing().isEmpty)
        }
    }
}
