import HTTP

/// Every panel endpoint the bot calls: the one place that spells paths.
///
/// Logs and errors show `template`, never the path. Server identifiers and uuids are
/// percent-encoded segments; numeric ids only ever go to application paths, identifiers only to
/// client paths (docs/PANEL-API.md §1.6).
enum PanelRoute: Sendable, Hashable {
    enum API: Sendable { case application, client }

    case listUsers
    case getUser(id: Int)
    case createUser
    case updateUser(id: Int)
    case listServers
    case updateServerDetails(id: Int)

    case getServer(String)
    case listSubusers(String)
    case createSubuser(String)
    case updateSubuser(String, user: String)
    case deleteSubuser(String, user: String)
    case listBackups(String)
    case createBackup(String)
    case getBackup(String, backup: String)
    case toggleBackupLock(String, backup: String)
    case backupDownload(String, backup: String)
    case deleteBackup(String, backup: String)
    case power(String)
    case sendCommand(String)
    case resources(String)
    case reinstall(String)
    case listFiles(String)
    case deleteFiles(String)
    case startup(String)
    case setStartupVariable(String)
    case setDockerImage(String)
    case listSchedules(String)
    case deleteSchedule(String, schedule: Int)

    var api: API {
        switch self {
        case .listUsers, .getUser, .createUser, .updateUser, .listServers, .updateServerDetails: .application
        default: .client
        }
    }

    var method: HTTPMethod {
        switch self {
        case .createUser, .createSubuser, .updateSubuser, .createBackup, .toggleBackupLock, .power, .sendCommand, .reinstall, .deleteFiles: .post
        case .updateUser, .updateServerDetails: .patch
        case .deleteSubuser, .deleteBackup, .deleteSchedule: .delete
        case .setStartupVariable, .setDockerImage: .put
        default: .get
        }
    }

    /// Whether sending it twice leaves the panel as sending it once (docs/PANEL-API.md §4), so that a 5xx or a
    /// broken connection may be retried. Creating users, sub-users and backups, toggling a lock and
    /// reinstalling are not: their repeat is an error or a second effect.
    var isIdempotent: Bool {
        switch self {
        case .createUser, .createSubuser, .createBackup, .toggleBackupLock, .reinstall, .sendCommand: false
        default: true
        }
    }

    var template: String {
        switch self {
        case .listUsers, .createUser: "application/users"
        case .getUser, .updateUser: "application/users/{id}"
        case .listServers: "application/servers"
        case .updateServerDetails: "application/servers/{id}/details"
        case .getServer: "client/servers/{server}"
        case .listSubusers, .createSubuser: "client/servers/{server}/users"
        case .updateSubuser, .deleteSubuser: "client/servers/{server}/users/{user}"
        case .listBackups, .createBackup: "client/servers/{server}/backups"
        case .getBackup, .deleteBackup: "client/servers/{server}/backups/{backup}"
        case .toggleBackupLock: "client/servers/{server}/backups/{backup}/lock"
        case .backupDownload: "client/servers/{server}/backups/{backup}/download"
        case .power: "client/servers/{server}/power"
        case .sendCommand: "client/servers/{server}/command"
        case .resources: "client/servers/{server}/resources"
        case .reinstall: "client/servers/{server}/settings/reinstall"
        case .listFiles: "client/servers/{server}/files/list"
        case .deleteFiles: "client/servers/{server}/files/delete"
        case .startup: "client/servers/{server}/startup"
        case .setStartupVariable: "client/servers/{server}/startup/variable"
        case .setDockerImage: "client/servers/{server}/settings/docker-image"
        case .listSchedules: "client/servers/{server}/schedules"
        case .deleteSchedule: "client/servers/{server}/schedules/{schedule}"
        }
    }

    /// The path after `/api/`, segments percent-encoded.
    var path: String {
        var values: [String] = []
        switch self {
        case .getUser(let id), .updateUser(let id), .updateServerDetails(let id): values = [String(id)]
        case .getServer(let s), .listSubusers(let s), .createSubuser(let s), .listBackups(let s), .createBackup(let s),
             .power(let s), .sendCommand(let s), .resources(let s), .reinstall(let s), .listFiles(let s), .deleteFiles(let s), .startup(let s),
             .setStartupVariable(let s), .setDockerImage(let s), .listSchedules(let s):
            values = [s]
        case .deleteSchedule(let s, let id): values = [s, String(id)]
        case .updateSubuser(let s, let u), .deleteSubuser(let s, let u): values = [s, u]
        case .getBackup(let s, let b), .toggleBackupLock(let s, let b), .backupDownload(let s, let b), .deleteBackup(let s, let b):
            values = [s, b]
        case .listUsers, .createUser, .listServers: values = []
        }
        var remaining = values[...]
        return template.split(separator: "/").map { segment in
            guard segment.hasPrefix("{"), let value = remaining.popFirst() else { return String(segment) }
            return PercentEncoding.encode(value)
        }.joined(separator: "/")
    }

    var name: String { "\(method.rawValue) \(template)" }
}

extension PercentEncoding {
    /// `?name=value&…` with both sides encoded. Encoding `+` matters: the panel decodes a raw `+` in
    /// a query as a space, so `a+b@x.io` would not match (docs/PANEL-API.md §2.1).
    static func query(_ items: [(String, String)]) -> String {
        items.isEmpty ? "" : "?" + items.map { "\(encode($0.0))=\(encode($0.1))" }.joined(separator: "&")
    }
}
