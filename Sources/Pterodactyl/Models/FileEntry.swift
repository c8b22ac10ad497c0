public import Foundation

/// One `file_object` of `GET /servers/{s}/files/list` (docs/PANEL-API.md §3.6).
public struct FileEntry: Sendable, Equatable, Decodable {
    public let name: String
    public let mode: String
    public let size: Int64
    public let isFile: Bool
    public let isSymlink: Bool
    /// `inode/directory` for folders.
    public let mimetype: String
    public let modifiedAt: Date?

    private enum CodingKeys: String, CodingKey {
        case name, mode, size, mimetype
        case isFile = "is_file"
        case isSymlink = "is_symlink"
        case modifiedAt = "modified_at"
    }
}
