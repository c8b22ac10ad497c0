import Lending

/// The check every `ArchiveDestination` makes before it touches anything, as defence in depth:
/// `ArchivePath` already builds safe paths, but an adapter refuses any other.
enum ArchiveRelativePath {
    /// The components of `relativePath`, or a permanent failure when the path is empty or
    /// absolute, has an empty, `.` or `..` component, a backslash or a control character.
    /// The refused path is not repeated in the message: it may be the very text that was unsafe.
    static func components(of relativePath: String) throws(PortFailure) -> [String] {
        let refused = PortFailure.permanent("archive: refused a path that is not a plain relative path inside the target")
        guard !relativePath.isEmpty, !relativePath.hasPrefix("/") else { throw refused }
        let isUnsafe = relativePath.unicodeScalars.contains { $0 == "\\" || $0.properties.generalCategory == .control }
        guard !isUnsafe else { throw refused }
        let components = relativePath.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard components.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." }) else { throw refused }
        return components
    }
}
