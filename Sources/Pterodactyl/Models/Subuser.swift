public import Foundation

/// A sub-user of one server (docs/PANEL-API.md §3.2). `uuid` is the panel *user's* uuid, which sub-user paths take.
public struct Subuser: Sendable, Equatable, Decodable {
    public let uuid: String
    public let username: String
    public let email: String
    public let hasTwoFactor: Bool
    public let createdAt: Date?
    /// Sorted. The panel always adds `websocket.connect` and drops strings it does not know.
    public let permissions: [String]

    private enum CodingKeys: String, CodingKey {
        case uuid, username, email, permissions
        case hasTwoFactor = "2fa_enabled"
        case createdAt = "created_at"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        uuid = try c.decode(String.self, forKey: .uuid)
        username = try c.decode(String.self, forKey: .username)
        email = try c.decode(String.self, forKey: .email)
        hasTwoFactor = try c.decodeIfPresent(Bool.self, forKey: .hasTwoFactor) ?? false
        createdAt = try c.decodeIfPresent(Date.self, forKey: .createdAt)
        // A list with index gaps is serialised as an object {"0": ..., "2": ...} (docs/PANEL-API.md §3.2, pelican/panel#1014).
        if let list = try? c.decode([String].self, forKey: .permissions) {
            permissions = list.sorted()
        } else {
            permissions = try c.decode([String: String].self, forKey: .permissions).values.sorted()
        }
    }
}

/// The permission strings the panel knows (docs/PANEL-API.md §3.2). Others are dropped silently by the panel, so the
/// client refuses them before sending rather than believe a grant that never happened.
public enum SubuserPermission {
    public static let all: Set<String> = [
        "websocket.connect",
        "control.console", "control.start", "control.stop", "control.restart",
        "user.create", "user.read", "user.update", "user.delete",
        "file.create", "file.read", "file.read-content", "file.update", "file.delete", "file.archive", "file.sftp",
        "backup.create", "backup.read", "backup.delete", "backup.download", "backup.restore",
        "allocation.read", "allocation.create", "allocation.update", "allocation.delete",
        "startup.read", "startup.update", "startup.docker-image",
        "database.create", "database.read", "database.update", "database.delete", "database.view_password",
        "schedule.create", "schedule.read", "schedule.update", "schedule.delete",
        "settings.rename", "settings.reinstall",
        "activity.read",
    ]

    /// What the panel would store for `requested`: known strings, de-duplicated (duplicates make
    /// the panel serialise an object), plus `websocket.connect`, sorted.
    public static func normalized(_ requested: some Sequence<String>) -> [String] {
        Set(requested).union(["websocket.connect"]).sorted()
    }
}
