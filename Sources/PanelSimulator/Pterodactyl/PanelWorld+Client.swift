import Foundation
import SimulatorSupport

/// The client API's gate (docs/PANEL-API.md §1.7) and its server-level endpoints (§3.1, §3.4–§3.7).
extension PanelWorld {
    static let allPermissions: Set<String> = [
        "websocket.connect", "control.console", "control.start", "control.stop", "control.restart",
        "user.create", "user.read", "user.update", "user.delete",
        "file.create", "file.read", "file.read-content", "file.update", "file.delete", "file.archive", "file.sftp",
        "backup.create", "backup.read", "backup.delete", "backup.download", "backup.restore",
        "allocation.read", "allocation.create", "allocation.update", "allocation.delete",
        "startup.read", "startup.update", "startup.docker-image",
        "database.create", "database.read", "database.update", "database.delete", "database.view_password",
        "schedule.create", "schedule.read", "schedule.update", "schedule.delete",
        "settings.rename", "settings.reinstall", "activity.read",
    ]

    /// Access (404 when none), the route's permission (403), the state check (409, all but GET
    /// server), then the route.
    mutating func client(_ match: PanelRouteMatch, caller: PanelCaller, body: [String: SimulatorJSON], query: [String: String], now: Date) -> SimulatedResponse {
        let key = match.parameters[0]
        guard let index = servers.firstIndex(where: { key.count == 8 ? $0.identifier == key : $0.uuid == key }) else { return PanelJSON.notFound() }
        let server = servers[index]
        let isPrivileged = caller.user.isRootAdmin || server.ownerID == caller.user.id
        guard isPrivileged || server.subusers.contains(where: { $0.userID == caller.user.id }) else {
            return PanelJSON.error(404, code: "NotFoundHttpException", detail: "The requested resource does not exist on this server.")
        }
        let granted: Set<String> = isPrivileged ? Self.allPermissions : Set(server.subusers.first { $0.userID == caller.user.id }?.permissions ?? [])
        if let needed = match.route.clientPermission, !granted.contains(needed) { return PanelJSON.forbidden() }
        if match.route != .getServer, let status = server.status, ["installing", "install_failed", "suspended", "restoring_backup"].contains(status) {
            let detail = status == "suspended" ? "This server is currently suspended and the functionality requested is unavailable."
                : status == "restoring_backup" ? "This server is currently restoring from a backup, please try again later."
                : "This server has not yet completed its installation process, please try again later."
            return PanelJSON.error(409, code: "ServerStateConflictException", detail: detail)
        }
        let context = ClientContext(index: index, caller: caller, isPrivileged: isPrivileged, granted: granted, child: match.parameters.dropFirst().first)
        switch match.route {
        case .getServer: return .json(200, clientServer(server, context: context))
        case .listSubusers, .getSubuser, .createSubuser, .updateSubuser, .deleteSubuser: return subusers(match.route, context: context, body: body, now: now)
        case .listBackups, .createBackup, .getBackup, .toggleBackupLock, .backupDownloadURL, .deleteBackup:
            return backups(match.route, context: context, body: body, query: query, now: now)
        case .power: return power(context: context, body: body, now: now)
        case .sendCommand: return sendCommand(context: context, body: body)
        case .resources: return resources(server, now: now)
        case .reinstall: return reinstall(context: context, now: now)
        case .listFiles: return listFiles(server, directory: query["directory"] ?? "/")
        case .deleteFiles: return deleteFiles(context: context, body: body)
        case .startup: return startup(server)
        case .updateStartupVariable: return updateVariable(context: context, body: body)
        case .setDockerImage: return setDockerImage(context: context, body: body)
        case .listSchedules, .createSchedule, .getSchedule, .updateSchedule, .deleteSchedule, .createScheduleTask:
            return schedules(match.route, context: context, body: body, now: now)
        default: return PanelJSON.notFound()
        }
    }

    struct ClientContext {
        let index: Int
        let caller: PanelCaller
        let isPrivileged: Bool
        let granted: Set<String>
        let child: String?
    }

    private func clientServer(_ server: SimulatedPanelServer, context: ClientContext) -> SimulatorJSON {
        let seesAll = context.granted.contains("allocation.read")
        let allocations = server.allocations.filter { seesAll || $0.isDefault }.map { allocation -> SimulatorJSON in
            ["id": .integer(Int64(allocation.id)), "ip": .string(allocation.ip), "ip_alias": .optional(allocation.alias),
             "port": .integer(Int64(allocation.port)), "notes": .null, "is_default": .bool(allocation.isDefault)]
        }
        let variables: SimulatorJSON = context.granted.contains("startup.read")
            ? PanelJSON.list("egg_variable", server.variables.filter(\.isUserViewable).map(variableAttributes))
            : ["object": "null_resource", "attributes": .null]
        let attributes: SimulatorJSON = [
            "server_owner": .bool(server.ownerID == context.caller.user.id), "identifier": .string(server.identifier),
            "internal_id": .integer(Int64(server.id)), "uuid": .string(server.uuid), "name": .string(server.name),
            "node": .string(server.node), "is_node_under_maintenance": false,
            "sftp_details": ["ip": .string(server.sftpHost), "port": 2022], "description": .string(server.description),
            "limits": ["memory": 4096, "swap": 0, "disk": 20480, "io": 500, "cpu": 200, "threads": .null, "oom_disabled": true],
            "invocation": "java -jar server.jar", "docker_image": .string(server.dockerImage), "egg_features": ["eula", "java_version"],
            "feature_limits": featureLimits(server), "status": .optional(server.status),
            "is_suspended": .bool(server.status == "suspended"),
            "is_installing": .bool(server.status == "installing" || server.status == "install_failed"), "is_transferring": false,
            "relationships": ["allocations": PanelJSON.list("allocation", allocations), "variables": variables],
        ]
        let permissions: [SimulatorJSON] = context.isPrivileged ? ["*"] : context.granted.sorted().map { .string($0) }
        return PanelJSON.item("server", attributes, meta: ["is_server_owner": .bool(server.ownerID == context.caller.user.id), "user_permissions": .array(permissions)])
    }

    func variableAttributes(_ variable: SimulatedVariable) -> SimulatorJSON {
        ["name": .string(variable.name), "description": "", "env_variable": .string(variable.envVariable),
         "default_value": .string(variable.defaultValue), "server_value": .optional(variable.serverValue),
         "is_editable": .bool(variable.isUserEditable), "rules": .string(variable.rules)]
    }

    /// docs/PANEL-API.md §3.4: authorization before validation, so an unknown signal is 403 for a sub-user and 422
    /// for the owner. Wings acts later: start → starting → running, stop → stopping → offline.
    private mutating func power(context: ClientContext, body: [String: SimulatorJSON], now: Date) -> SimulatedResponse {
        let signal = body["signal"]?.stringValue
        let needed: String? = switch signal {
        case "start": "control.start"
        case "stop", "kill": "control.stop"
        case "restart": "control.restart"
        default: nil
        }
        guard let needed else {
            guard context.isPrivileged else { return PanelJSON.forbidden() }
            var violations = Violations()
            if signal == nil { violations.add("signal", rule: "required", "The signal field is required.") }
            else { violations.add("signal", rule: "in", "The selected signal is invalid.") }
            return violations.response!
        }
        guard context.granted.contains(needed) else { return PanelJSON.forbidden() }
        let id = servers[context.index].id
        let state = servers[context.index].powerState
        let later = now.addingTimeInterval(configuration.powerTransitionDelay.seconds)
        switch signal {
        case "start" where state == "offline" || state == "stopping", "restart":
            servers[context.index].powerState = "starting"
            pendingPower[id] = (later, "running")
        case "stop" where state == "running" || state == "starting":
            servers[context.index].powerState = "stopping"
            pendingPower[id] = (later, "offline")
        case "kill":
            servers[context.index].powerState = "offline"
            pendingPower[id] = nil
        default: break
        }
        return .noContent
    }

    /// Answers from a per-server cache for `resourcesCacheDuration`, as the panel does.
    private mutating func resources(_ server: SimulatedPanelServer, now: Date) -> SimulatedResponse {
        var state = server.powerState
        if let cached = resourcesCache[server.id], now.timeIntervalSince(cached.at) < configuration.resourcesCacheDuration.seconds {
            state = cached.state
        } else {
            resourcesCache[server.id] = (now, state)
        }
        let running = state == "running"
        return .json(200, PanelJSON.item("stats", [
            "current_state": .string(state), "is_suspended": .bool(server.status == "suspended"),
            "resources": ["memory_bytes": .integer(running ? 1_073_741_824 : 0), "cpu_absolute": .double(running ? 12.5 : 0),
                          "disk_bytes": 52_428_800, "network_rx_bytes": 0, "network_tx_bytes": 0, "uptime": .integer(running ? 60_000 : 0)],
        ]))
    }

    /// docs/PANEL-API.md §3.5: 202 with `[]`; the server is `installing` (so 409 elsewhere) until Wings reports back.
    private mutating func reinstall(context: ClientContext, now: Date) -> SimulatedResponse {
        servers[context.index].status = "installing"
        servers[context.index].installsStarted += 1
        servers[context.index].powerState = "offline"
        if let duration = configuration.automaticInstallDuration {
            installFinishesAt[servers[context.index].id] = now.addingTimeInterval(duration.seconds)
        }
        return SimulatedResponse(status: 202, headers: ["Content-Type": "application/json"], body: Data("[]".utf8))
    }

    static func normalizedDirectory(_ path: String) -> String {
        let parts = path.split(separator: "/").filter { $0 != "." && !$0.isEmpty }
        return "/" + parts.joined(separator: "/")
    }

    private func listFiles(_ server: SimulatedPanelServer, directory: String) -> SimulatedResponse {
        guard let entries = server.files[Self.normalizedDirectory(directory)] else {
            return Self.response(for: .daemonError(status: 404, message: "The requested resource was not found on this server"))
        }
        let items = entries.map { file -> SimulatorJSON in
            ["name": .string(file.name), "mode": .string(file.isDirectory ? "drwxr-xr-x" : "-rw-r--r--"), "mode_bits": .string(file.isDirectory ? "755" : "644"),
             "size": .integer(file.size), "is_file": .bool(!file.isDirectory), "is_symlink": false,
             "mimetype": .string(file.isDirectory ? "inode/directory" : "text/plain"),
             "created_at": PanelJSON.timestamp(Date(timeIntervalSince1970: 1_767_225_600)),
             "modified_at": PanelJSON.timestamp(Date(timeIntervalSince1970: 1_767_225_600))]
        }
        return .json(200, PanelJSON.list("file_object", items))
    }

    /// docs/PANEL-API.md §3.6: 204 even for names that do not exist; a deleted directory takes its subtree.
    private mutating func deleteFiles(context: ClientContext, body: [String: SimulatorJSON]) -> SimulatedResponse {
        var violations = Violations()
        let root = violations.requiredString(body, "root", max: 10_000)
        let names = body["files"]?.arrayValue?.compactMap(\.stringValue) ?? []
        if names.isEmpty { violations.add("files", rule: "required", "The files field is required.") }
        guard violations.isEmpty, let root else { return violations.response! }
        let directory = Self.normalizedDirectory(root)
        for name in names {
            let target = Self.normalizedDirectory(directory + "/" + name)
            let parent = Self.normalizedDirectory(String(target[..<(target.lastIndex(of: "/") ?? target.startIndex)]))
            let leaf = String(target.split(separator: "/").last ?? "")
            servers[context.index].files[parent]?.removeAll { $0.name == leaf }
            for key in servers[context.index].files.keys where key == target || key.hasPrefix(target + "/") {
                servers[context.index].files[key] = nil
            }
        }
        return .noContent
    }

    private func startup(_ server: SimulatedPanelServer) -> SimulatedResponse {
        .json(200, PanelJSON.list("egg_variable", server.variables.filter(\.isUserViewable).map(variableAttributes), meta: [
            "startup_command": "java -jar server.jar", "raw_startup_command": "java -jar {{SERVER_JARFILE}}",
            "docker_images": .object(server.eggImages.mapValues { .string($0) }),
        ]))
    }

    /// 204 for one of the egg's images (the same one again included); 422 on `docker_image` for any
    /// other; 400 for every change while the current image is not the egg's (set by an
    /// administrator), which the panel checks first.
    private mutating func setDockerImage(context: ClientContext, body: [String: SimulatorJSON]) -> SimulatedResponse {
        let server = servers[context.index]
        guard server.eggImages.values.contains(server.dockerImage) else {
            return PanelJSON.badRequest("BadRequestHttpException",
                                        "This server's Docker image has been manually set by an administrator and cannot be updated.")
        }
        var violations = Violations()
        let image = violations.requiredString(body, "docker_image")
        guard violations.isEmpty, let image else { return violations.response! }
        guard server.eggImages.values.contains(image) else {
            violations.add("docker_image", rule: "in", "The selected docker image is invalid.")
            return violations.response!
        }
        servers[context.index].dockerImage = image
        return .noContent
    }

    /// docs/PANEL-API.md §3.7: hidden → 400 "does not exist", read-only → 400, the variable's own rules → 422 on `value`.
    private mutating func updateVariable(context: ClientContext, body: [String: SimulatorJSON]) -> SimulatedResponse {
        var violations = Violations()
        let key = violations.requiredString(body, "key")
        if body["value"] == nil { violations.add("value", rule: "present", "The value field must be present.") }
        guard violations.isEmpty, let key else { return violations.response! }
        guard let index = servers[context.index].variables.firstIndex(where: { $0.envVariable == key && $0.isUserViewable }) else {
            return PanelJSON.badRequest("BadRequestHttpException", "The environment variable you are trying to edit does not exist.")
        }
        let variable = servers[context.index].variables[index]
        guard variable.isUserEditable else {
            return PanelJSON.badRequest("BadRequestHttpException", "The environment variable you are trying to edit is read-only.")
        }
        let value = body["value"]?.stringValue
        for rule in variable.rules.split(separator: "|") {
            let parts = rule.split(separator: ":", maxSplits: 1)
            let arguments = parts.count > 1 ? parts[1].split(separator: ",").compactMap { Int($0) } : []
            switch parts[0] {
            case "required" where value == nil: violations.add("value", rule: "required", "The value field is required.")
            case "max" where (value?.count ?? 0) > (arguments.first ?? .max):
                violations.add("value", rule: "max", "The value may not be greater than \(arguments[0]) characters.")
            case "between" where value.map { arguments.count == 2 && ($0.count < arguments[0] || $0.count > arguments[1]) } ?? false:
                violations.add("value", rule: "between", "The value must be between \(arguments[0]) and \(arguments[1]) characters.")
            case "alpha_num" where value.map { !$0.allSatisfy { $0.isLetter || $0.isNumber } } ?? false:
                violations.add("value", rule: "alpha_num", "The value may only contain letters and numbers.")
            default: break
            }
        }
        if let response = violations.response { return response }
        servers[context.index].variables[index].serverValue = value
        let updated = servers[context.index].variables[index]
        return .json(200, PanelJSON.item("egg_variable", variableAttributes(updated), meta: [
            "startup_command": "java -jar server.jar", "raw_startup_command": "java -jar {{SERVER_JARFILE}}",
        ]))
    }
}
