/// Where a returned loan's backups are kept (`ARCHIVE_TARGET`): a local directory or an rclone
/// remote. Paths are relative to the target and already sanitised by `ArchivePath`.
public protocol ArchiveDestination: Sendable {
    /// The target as an operator wrote it (`/srv/archive`, `remote:loans`), for notices and
    /// logs. Holds no secret: rclone keeps credentials in its own configuration.
    var displayName: String { get }

    /// Copies the local file at `localPath` to `relativePath` under the target and returns the
    /// size stored there, which must equal the local file's size (else it throws). Uploading
    /// the same file to the same path again replaces it, so a retried step is safe.
    func upload(localPath: String, to relativePath: String) async throws -> Int64

    /// The size of the file stored at `relativePath`, or nil when there is none.
    func storedSize(of relativePath: String) async throws -> Int64?
}

/// What a target can give a moderator besides where a stored file is
/// (`/mcserver-admin archive get`).
public enum ArchiveLink: Sendable, Equatable {
    /// A link that downloads the file, expiring after the asked time where the remote can make
    /// it expire. Anyone holding it can download the file, so it is shown only to the moderator
    /// who asked and never logged.
    case link(String)
    /// The target could make no link: its remote has no public links (rclone's local backend,
    /// SFTP…), the file is not one this target stored, or rclone failed (its error is logged).
    case none(reason: NoLinkReason)

    public enum NoLinkReason: Sendable, Equatable {
        case notSupported
        case notThisTarget
        case failed
    }
}

/// A target that can link to its stored files (an rclone remote). A local directory cannot: its
/// path is all there is.
public protocol LinkingArchiveDestination: ArchiveDestination {
    /// A link to the file at `destination`, a destination this target stored (`displayName`,
    /// then `/` and the relative path), valid for `expiry` where the remote can limit it.
    func link(to destination: String, expiry: Duration) async -> ArchiveLink
}
