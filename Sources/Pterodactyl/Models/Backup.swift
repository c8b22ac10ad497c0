public import Foundation

/// A backup of one server (docs/PANEL-API.md §3.3).
public struct Backup: Sendable, Equatable, Decodable {
    public enum State: Sendable, Equatable {
        /// `completed_at` is null: Wings is still writing it.
        case running
        case succeeded
        /// Completed unsuccessfully; the panel also unlocks it and stops counting it.
        case failed
    }

    public let uuid: String
    public let name: String
    public let isSuccessful: Bool
    public let isLocked: Bool
    public let ignoredFiles: [String]
    /// `sha1:<hex>` once completed.
    public let checksum: String?
    /// 0 until completed.
    public let bytes: Int64
    public let createdAt: Date?
    public let completedAt: Date?

    public var state: State {
        guard completedAt != nil else { return .running }
        return isSuccessful ? .succeeded : .failed
    }

    private enum CodingKeys: String, CodingKey {
        case uuid, name, checksum, bytes
        case isSuccessful = "is_successful"
        case isLocked = "is_locked"
        case ignoredFiles = "ignored_files"
        case createdAt = "created_at"
        case completedAt = "completed_at"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        uuid = try c.decode(String.self, forKey: .uuid)
        name = try c.decodeIfPresent(String.self, forKey: .name) ?? ""
        isSuccessful = try c.decode(Bool.self, forKey: .isSuccessful)
        isLocked = try c.decode(Bool.self, forKey: .isLocked)
        ignoredFiles = try c.decodeIfPresent([String].self, forKey: .ignoredFiles) ?? []
        checksum = try c.decodeIfPresent(String.self, forKey: .checksum)
        bytes = try c.decodeIfPresent(Int64.self, forKey: .bytes) ?? 0
        createdAt = try c.decodeIfPresent(Date.self, forKey: .createdAt)
        completedAt = try c.decodeIfPresent(Date.self, forKey: .completedAt)
    }
}

/// Every backup of a server plus the panel's own count of those that hold a slot.
public struct BackupList: Sendable, Equatable {
    public let backups: [Backup]
    /// `meta.backup_count`: running plus successful backups.
    public let activeCount: Int
}
