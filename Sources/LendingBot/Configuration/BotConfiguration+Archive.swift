public import Lending

extension BotConfiguration {
    /// Where returned loans are archived (`ARCHIVE_TARGET`), or nil when nothing is archived.
    public func archiveDestination() -> (any ArchiveDestination)? {
        switch archiveTarget {
        case .none: nil
        case .localDirectory(let directory): LocalDirectoryArchive(directory: directory)
        case .rclone(let remote, let path): RcloneArchive(remote: "\(remote):\(path)")
        }
    }
}
