public import Lending
public import LendingAdapters

extension BotConfiguration {
    /// Where returned loans are archived (`ARCHIVE_TARGET`), or nil when nothing is archived.
    public func archiveDestination() -> (any ArchiveDestination)? {
        switch archiveTarget {
        case .none: nil
        case .localDirectory(let directory): LocalDirectoryArchive(directory: directory)
        case .rclone(let remote, let path): rcloneArchive(remote: remote, path: path)
        }
    }

    /// An rclone archive on `remote:path` that runs with the configuration's `RCLONE_*` settings.
    public func rcloneArchive(remote: String, path: String, binary: String = "rclone", queryTimeout: Duration = .seconds(2 * 60)) -> RcloneArchive {
        RcloneArchive(remote: "\(remote):\(path)", rcloneBinary: binary, environment: rcloneEnvironment, queryTimeout: queryTimeout)
    }
}
