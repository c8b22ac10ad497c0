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
