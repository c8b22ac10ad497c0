import Foundation
public import Lending
public import Logging
import Subprocess
import SystemPackage

/// `ARCHIVE_TARGET` as an rclone remote, `remote:path` (Google Drive, S3, SFTP, …), driven
/// through the `rclone` binary. The remote and its credentials live in rclone's own
/// configuration; the bot only names it.
///
/// Each call starts rclone with an argument array (no shell, so no name is ever interpreted),
/// `--` before the paths, and a time limit. On timeout or when the awaiting task is cancelled,
/// the child is killed and reaped. swift-subprocess does the spawning: it resets the child's
/// signal mask and dispositions and waits on a pidfd, where Foundation's `Process` was seen to
/// miss the child's exit on this Linux.
///
/// Failures follow rclone's documented exit codes (rclone docs, "Exit Code"):
/// - 5, a temporary error that rclone's own retries did not get past, and 2, an error it did
///   not categorise (network trouble mostly lands here), are transient;
/// - 1 (syntax or usage, e.g. an unknown remote), 3 (directory not found), 4 (file not found),
///   6 (less serious errors), 7 (fatal, e.g. an account suspended), 8 (transfer limit exceeded),
///   9 (no files transferred) and any other code are permanent: trying again cannot help until
///   a person changes something.
/// - a timeout or a death by signal is transient.
/// A message never quotes rclone's standard error: its last line, cut to `maxQuotedErrorBytes`,
/// is logged. rclone runs with `RCLONE_*` and a few system variables only (see
/// `childEnvironment`), so the bot's tokens never reach it; the environment is never logged.
public struct RcloneArchive: ArchiveDestination {
    /// `remote:path` as configured; files go to `remote:path/<relative path>`.
    public let remote: String
    /// `rclone` looked up in PATH, or a path to the binary.
    public let rcloneBinary: String
    /// Added to the bot's own environment for each run (for instance `RCLONE_CONFIG` or an
    /// `RCLONE_CONFIG_<NAME>_TYPE` remote); the bot's environment is not changed.
    public let environment: [String: String]
    /// For `copyto`. Generous: a multi-gigabyte world over a slow uplink takes hours.
    public let uploadTimeout: Duration
    /// For `lsjson`, which answers in seconds unless the remote is unreachable.
    public let queryTimeout: Duration

    /// Where rclone's error output goes.
    public let logger: Logger

    /// How much of rclone's standard error a log line may quote.
    public static let maxQuotedErrorBytes = 300

    public var displayName: String { remote }

    public init(
        remote: String,
        rcloneBinary: String = "rclone",
        environment: [String: String] = [:],
        uploadTimeout: Duration = .seconds(6 * 60 * 60),
        queryTimeout: Duration = .seconds(2 * 60),
        logger: Logger = Logger(label: "lending.archive.rclone")
    ) {
        self.logger = logger
        self.remote = remote
        self.rcloneBinary = rcloneBinary
        self.environment = environment
        self.uploadTimeout = uploadTimeout
        self.queryTimeout = queryTimeout
    }

    public func upload(localPath: String, to relativePath: String) async throws -> Int64 {
        let components = try ArchiveRelativePath.components(of: relativePath)
        let localSize = try Self.sizeOfLocalFile(localPath, relativePath: relativePath)
        // A relative local path with a colon would read as a remote name.
        let source = localPath.hasPrefix("/") ? localPath : "./" + localPath
        let outcome = try await runRclone(["copyto", "--", source, remotePath(components)], timeout: uploadTimeout, step: "copyto")
        guard outcome.status == .exited(0) else {
            throw outcome.failure("upload \(relativePath)", logger: logger)
        }
        guard let stored = try await storedSize(of: relativePath) else {
            throw PortFailure.transient("rclone: \(relativePath) is missing on \(remote) after the upload")
        }
        guard stored == localSize else {
            throw PortFailure.transient("rclone: \(relativePath) holds \(stored) bytes on \(remote) after the upload, expected \(localSize)")
        }
        return stored
    }

    public func storedSize(of relativePath: String) async throws -> Int64? {
        let components = try ArchiveRelativePath.components(of: relativePath)
        let outcome = try await runRclone(["lsjson", "--stat", "--", remotePath(components)], timeout: queryTimeout, step: "lsjson")
        switch outcome.status {
        case .exited(0):
            break
        case .exited(3), .exited(4):
            // rclone 1.60 answers a missing file with 3 (directory not found), later ones with 4.
            return nil
        default:
            throw outcome.failure("read the size of \(relativePath)", logger: logger)
        }
        guard let entry = try? JSONDecoder().decode(ListedEntry.self, from: Data(outcome.standardOutput)) else {
            throw PortFailure.permanent("rclone: lsjson gave an answer that is not a file entry for \(relativePath)")
        }
        guard !entry.isDirectory else {
            throw PortFailure.permanent("rclone: \(relativePath) on \(remote) is a folder, not a file")
        }
        return entry.size
    }

    /// `remote:path` joined with the components, without doubling a `/` or adding one after a
    /// bare `remote:`.
    func remotePath(_ components: [String]) -> String {
        let relative = components.joined(separator: "/")
        if remote.hasSuffix(":") || remote.hasSuffix("/") {
            return remote + relative
        }
        return remote + "/" + relative
    }

    private static func sizeOfLocalFile(_ path: String, relativePath: String) throws(PortFailure) -> Int64 {
        let status: Stat
        do throws(Errno) {
            status = try FilePath(path).stat()
        } catch {
            throw PortFailure.permanent("rclone: cannot read the backup to upload as \(relativePath): \(error.description)")
        }
        guard status.type == .regular else {
            throw PortFailure.permanent("rclone: the backup to upload as \(relativePath) is not a regular file")
        }
        return status.size
    }

    /// One entry of `rclone lsjson --stat`.
    private struct ListedEntry: Decodable {
        let size: Int64
        let isDirectory: Bool

        enum CodingKeys: String, CodingKey {
            case size = "Size"
            case isDirectory = "IsDir"
        }
    }
}
