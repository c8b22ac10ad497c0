import Foundation
import SimulatorSupport

/// Sub-users (docs/PANEL-API.md §3.2): an unknown email creates a panel account, unknown permission strings are
/// dropped, `websocket.connect` is always added, and a sub-user cannot grant what it lacks.
extension PanelWorld {
    mutating func subusers(_ route: PanelSimulatedRoute, context: ClientContext, body: [String: SimulatorJSON], now: Date) -> SimulatedResponse {
        let server = servers[context.index]
        switch route {
        case .listSubusers:
            return .json(200, PanelJSON.list("server_subuser", server.subusers.compactMap(subuserAttributes)))
        case .createSubuser:
            return createSubuser(context: context, body: body, now: now)
        default:
            guard let uuid = context.child, let user = users.first(where: { $0.uuid == uuid }),
                  let position = server.subusers.firstIndex(where: { $0.userID == user.id }) else { return PanelJSON.notFound() }
            switch route {
            case .getSubuser:
                return .json(200, PanelJSON.item("server_subuser", subuserAttributes(server.subusers[position])!))
            case .updateSubuser:
                guard user.id != context.caller.user.id else { return PanelJSON.forbidden() }
                guard let permissions = requestedPermissions(body) else { return Self.permissionsRequired() }
                if let refusal = escalation(permissions, context: context) { return refusal }
                let cleaned = Self.cleaned(permissions)
                if cleaned != server.subusers[position].permissions {
                    servers[context.index].subusers[position].permissions = cleaned
                    subuserWrites += 1
                }
                return .json(200, PanelJSON.item("server_subuser", subuserAttributes(servers[context.index].subusers[position])!))
            default:
                guard user.id != context.caller.user.id else { return PanelJSON.forbidden() }
                servers[context.index].subusers.remove(at: position)
                return .noContent
            }
        }
    }

    private mutating func createSubuser(context: ClientContext, body: [String: SimulatorJSON], now: Date) -> SimulatedResponse {
        var violations = Violations()
        let email = violations.requiredString(body, "email")
        if let email, !Self.isEmail(email) { violations.add("email", rule: "email", "The email must be a valid email address.") }
        let permissions = requestedPermissions(body)
        if permissions == nil { violations.add("permissions", rule: "required", "The permissions field is required.") }
        guard violations.isEmpty, let email, let permissions else { return violations.response! }
        if let refusal = escalation(permissions, context: context) { return refusal }
        let server = servers[context.index]
        var user = users.first { $0.email.lowercased() == email.lowercased() }
        if let user {
            if user.id == server.ownerID {
                return PanelJSON.badRequest("UserIsServerOwnerException", "You cannot add the server owner as a subuser for this server.")
            }
            if server.subusers.contains(where: { $0.userID == user.id }) {
                return PanelJSON.badRequest("ServerSubuserExistsException", "A user with that email address is already assigned as a subuser for this server.")
            }
        } else {
            let local = email.split(separator: "@").first.map(String.init) ?? ""
            let kept = local.unicodeScalars.filter { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "_.-".unicodeScalars.contains($0)) }
            let username = String(String.UnicodeScalarView(kept).prefix(64)) + randomString(length: 3)
            guard Self.isPanelUsername(username) else {
                return PanelJSON.error(500, code: "DataValidationException",
                                       detail: "Could not save Pterodactyl\\Models\\User[]: failed to validate data: {\"username\":[\"The username must start and end with alpha-numeric characters.\"]}")
            }
            var created = SimulatedPanelUser(id: nextUserID, username: username.lowercased(), email: email, firstName: "Server", lastName: "Subuser")
            created.createdAt = now
            created.updatedAt = now
            nextUserID += 1
            users.append(created)
            user = created
        }
        let subuser = SimulatedSubuser(userID: user!.id, permissions: Self.cleaned(permissions), createdAt: now)
        servers[context.index].subusers.append(subuser)
        return .json(200, PanelJSON.item("server_subuser", subuserAttributes(subuser)!))
    }

    /// `permissions`: required, a non-empty array of strings.
    private func requestedPermissions(_ body: [String: SimulatorJSON]) -> [String]? {
        guard let list = body["permissions"]?.arrayValue?.compactMap(\.stringValue), !list.isEmpty else { return nil }
        return list
    }

    private static func permissionsRequired() -> SimulatedResponse {
        var violations = Violations()
        violations.add("permissions", rule: "required", "The permissions field is required.")
        return violations.response!
    }

    /// A plain sub-user may grant only what it holds, unknown strings included.
    private func escalation(_ permissions: [String], context: ClientContext) -> SimulatedResponse? {
        guard !context.isPrivileged, !Set(permissions).isSubset(of: context.granted) else { return nil }
        return PanelJSON.error(403, code: "HttpForbiddenException", detail: "Cannot assign permissions to a subuser that your account does not actively possess.")
    }

    static func cleaned(_ permissions: [String]) -> [String] {
        Set(permissions).intersection(allPermissions).union(["websocket.connect"]).sorted()
    }

    func subuserAttributes(_ subuser: SimulatedSubuser) -> SimulatorJSON? {
        guard let user = users.first(where: { $0.id == subuser.userID }) else { return nil }
        return ["uuid": .string(user.uuid), "username": .string(user.username), "email": .string(user.email),
                "image": .string("https://gravatar.com/avatar/simulated"), "2fa_enabled": false,
                "created_at": PanelJSON.timestamp(subuser.createdAt), "permissions": .array(subuser.permissions.map { .string($0) })]
    }
}
