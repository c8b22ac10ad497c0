/// The panel endpoints the simulator serves, and the Wings download it hands out. Tests name them
/// to queue faults and to filter recorded requests.
public enum PanelSimulatedRoute: String, Sendable, Hashable, CaseIterable {
    case listUsers, getUser, getUserByExternalID, createUser, updateUser, deleteUser
    case listServers, getApplicationServer, updateServerDetails
    case getServer, listSubusers, getSubuser, createSubuser, updateSubuser, deleteSubuser
    case listBackups, createBackup, getBackup, toggleBackupLock, backupDownloadURL, deleteBackup
    case power, sendCommand, resources, reinstall, listFiles, deleteFiles, startup, updateStartupVariable, setDockerImage
    case listSchedules, createSchedule, getSchedule, updateSchedule, deleteSchedule, createScheduleTask
    /// Wings' `GET /download/backup?token=`, outside the panel's API.
    case wingsDownload

    var isApplication: Bool {
        switch self {
        case .listUsers, .getUser, .getUserByExternalID, .createUser, .updateUser, .deleteUser, .listServers, .getApplicationServer,
             .updateServerDetails: true
        default: false
        }
    }

    /// The sub-user permission the route needs (docs/PANEL-API.md §3.2); `nil` means access to the server is enough.
    /// Power's depends on the signal and is checked there.
    var clientPermission: String? {
        switch self {
        case .listSubusers, .getSubuser: "user.read"
        case .createSubuser: "user.create"
        case .updateSubuser: "user.update"
        case .deleteSubuser: "user.delete"
        case .listBackups, .getBackup: "backup.read"
        case .createBackup: "backup.create"
        case .toggleBackupLock, .deleteBackup: "backup.delete"
        case .backupDownloadURL: "backup.download"
        case .sendCommand: "control.console"
        case .reinstall: "settings.reinstall"
        case .listFiles: "file.read"
        case .deleteFiles: "file.delete"
        case .startup: "startup.read"
        case .updateStartupVariable: "startup.update"
        case .setDockerImage: "startup.docker-image"
        case .listSchedules, .getSchedule: "schedule.read"
        case .createSchedule: "schedule.create"
        case .updateSchedule, .createScheduleTask: "schedule.update"
        case .deleteSchedule: "schedule.delete"
        default: nil
        }
    }
}

/// A matched route and its path parameters, in order (server, then child).
struct PanelRouteMatch {
    let route: PanelSimulatedRoute
    let parameters: [String]

    enum Outcome {
        case matched(PanelRouteMatch)
        case methodNotAllowed
        case notFound
    }

    /// Matches the percent-decoded segments after `/api/`.
    static func match(method: String, segments: [String]) -> Outcome {
        func pick(_ table: [String: PanelSimulatedRoute], _ parameters: [String]) -> Outcome {
            guard let route = table[method] else { return .methodNotAllowed }
            return .matched(PanelRouteMatch(route: route, parameters: parameters))
        }
        switch segments {
        case ["application", "users"]: return pick(["GET": .listUsers, "POST": .createUser], [])
        case let s where s.count == 4 && s[0] == "application" && s[1] == "users" && s[2] == "external":
            return pick(["GET": .getUserByExternalID], [s[3]])
        case let s where s.count == 3 && s[0] == "application" && s[1] == "users":
            return pick(["GET": .getUser, "PATCH": .updateUser, "DELETE": .deleteUser], [s[2]])
        case ["application", "servers"]: return pick(["GET": .listServers], [])
        case let s where s.count == 3 && s[0] == "application" && s[1] == "servers":
            return pick(["GET": .getApplicationServer], [s[2]])
        case let s where s.count == 4 && s[0] == "application" && s[1] == "servers" && s[3] == "details":
            return pick(["PATCH": .updateServerDetails], [s[2]])
        case let s where s.count >= 3 && s[0] == "client" && s[1] == "servers":
            return matchClient(method: method, server: s[2], rest: Array(s.dropFirst(3)))
        default: return .notFound
        }
    }

    private static func matchClient(method: String, server: String, rest: [String]) -> Outcome {
        func pick(_ table: [String: PanelSimulatedRoute], _ child: String? = nil) -> Outcome {
            guard let route = table[method] else { return .methodNotAllowed }
            return .matched(PanelRouteMatch(route: route, parameters: [server] + (child.map { [$0] } ?? [])))
        }
        switch rest {
        case []: return pick(["GET": .getServer])
        case ["users"]: return pick(["GET": .listSubusers, "POST": .createSubuser])
        case let r where r.count == 2 && r[0] == "users": return pick(["GET": .getSubuser, "POST": .updateSubuser, "DELETE": .deleteSubuser], r[1])
        case ["backups"]: return pick(["GET": .listBackups, "POST": .createBackup])
        case let r where r.count == 2 && r[0] == "backups": return pick(["GET": .getBackup, "DELETE": .deleteBackup], r[1])
        case let r where r.count == 3 && r[0] == "backups" && r[2] == "lock": return pick(["POST": .toggleBackupLock], r[1])
        case let r where r.count == 3 && r[0] == "backups" && r[2] == "download": return pick(["GET": .backupDownloadURL], r[1])
        case ["power"]: return pick(["POST": .power])
        case ["command"]: return pick(["POST": .sendCommand])
        case ["resources"]: return pick(["GET": .resources])
        case ["settings", "reinstall"]: return pick(["POST": .reinstall])
        case ["settings", "docker-image"]: return pick(["PUT": .setDockerImage])
        case ["files", "list"]: return pick(["GET": .listFiles])
        case ["files", "delete"]: return pick(["POST": .deleteFiles])
        case ["startup"]: return pick(["GET": .startup])
        case ["startup", "variable"]: return pick(["PUT": .updateStartupVariable])
        case ["schedules"]: return pick(["GET": .listSchedules, "POST": .createSchedule])
        case let r where r.count == 2 && r[0] == "schedules": return pick(["GET": .getSchedule, "POST": .updateSchedule, "DELETE": .deleteSchedule], r[1])
        case let r where r.count == 3 && r[0] == "schedules" && r[2] == "tasks": return pick(["POST": .createScheduleTask], r[1])
        default: return .notFound
        }
    }
}
