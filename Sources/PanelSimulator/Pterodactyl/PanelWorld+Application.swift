import Foundation
import SimulatorSupport

/// The application API: users and the server lookup (docs/PANEL-API.md §2).
extension PanelWorld {
    mutating func application(_ match: PanelRouteMatch, caller: PanelCaller, body: [String: SimulatorJSON], query: [String: String], now: Date) -> SimulatedResponse {
        let resource = [.listServers, .getApplicationServer, .updateServerDetails].contains(match.route) ? "servers" : "users"
        let needsWrite = ![.listUsers, .getUser, .getUserByExternalID, .listServers, .getApplicationServer].contains(match.route)
        if case .application(let permissions) = caller.key.kind {
            let bits = permissions[resource] ?? 0
            guard bits & (needsWrite ? 2 : 1) != 0 else { return PanelJSON.forbidden() }
        }
        switch match.route {
        case .listUsers: return listUsers(query: query)
        case .getUser:
            guard let user = userByPathID(match.parameters[0]) else { return PanelJSON.notFound() }
            return .json(200, PanelJSON.item("user", userAttributes(user)))
        case .getUserByExternalID:
            guard let user = users.first(where: { $0.externalID?.lowercased() == match.parameters[0].lowercased() }) else { return PanelJSON.notFound() }
            return .json(200, PanelJSON.item("user", userAttributes(user)))
        case .createUser: return createUser(body: body, now: now)
        case .updateUser: return updateUser(match.parameters[0], body: body, now: now)
        case .deleteUser: return deleteUser(match.parameters[0])
        case .listServers: return listServers(query: query, caller: caller)
        case .getApplicationServer:
            guard let id = Int(match.parameters[0]), let server = servers.first(where: { $0.id == id }) else { return PanelJSON.notFound() }
            return .json(200, PanelJSON.item("server", applicationServerAttributes(server, including: Self.includes(query), caller: caller)))
        case .updateServerDetails: return updateServerDetails(match.parameters[0], body: body)
        default: return PanelJSON.notFound()
        }
    }

    /// Numeric ids only; the panel's MySQL coerces `"1abc"` to 1, which the simulator does not.
    private func userByPathID(_ text: String) -> SimulatedPanelUser? {
        guard let id = Int(text) else { return nil }
        return users.first { $0.id == id }
    }

    func userAttributes(_ user: SimulatedPanelUser) -> SimulatorJSON {
        [
            "id": .integer(Int64(user.id)), "external_id": .optional(user.externalID), "uuid": .string(user.uuid),
            "username": .string(user.username), "email": .string(user.email), "first_name": .string(user.firstName),
            "last_name": .string(user.lastName), "language": .string(user.language), "root_admin": .bool(user.isRootAdmin),
            "2fa": false, "created_at": PanelJSON.timestamp(user.createdAt), "updated_at": PanelJSON.timestamp(user.updatedAt),
        ]
    }

    private func listUsers(query: [String: String]) -> SimulatedResponse {
        let filtered = Self.filter(users.sorted { $0.id < $1.id }, by: query, allowed: ["email", "uuid", "username", "external_id"]) { user, field in
            switch field {
            case "email": user.email
            case "uuid": user.uuid
            case "username": user.username
            default: user.externalID
            }
        }
        let matching: [SimulatedPanelUser]
        switch filtered {
        case .matching(let items): matching = items
        case .refused(let response): return response
        }
        return .json(200, PanelJSON.page("user", matching.map(userAttributes), page: Int(query["page"] ?? "") ?? 1,
                                         perPage: Int(query["per_page"] ?? "") ?? 50, linkBase: baseURL + "/api/application/users"))
    }

    /// What the application API's `filter[field]=value` query leaves of a list.
    enum Filtered<Item> {
        case matching([Item])
        /// A field the endpoint does not allow: the panel's 400 `InvalidFilterQuery`.
        case refused(SimulatedResponse)
    }

    /// Applies every `filter[field]=value` of `query` as the panel does: a `LIKE` match on the
    /// field's column (`column` gives it, nil never matches), all filters together; a field not in
    /// `allowed` refuses the whole request.
    static func filter<Item>(_ items: [Item], by query: [String: String], allowed: [String],
                             column: (Item, String) -> String?) -> Filtered<Item> {
        var matching = items
        for (name, value) in query where name.hasPrefix("filter[") {
            let field = String(name.dropFirst("filter[".count).dropLast())
            guard allowed.contains(field) else { return .refused(invalidFilter(field, allowed: allowed)) }
            matching = matching.filter { item in column(item, field).map { LikeFilter.matches($0, filter: value) } ?? false }
        }
        return .matching(matching)
    }

    static func invalidFilter(_ field: String, allowed: [String]) -> SimulatedResponse {
        PanelJSON.badRequest("InvalidFilterQuery", "Requested filter(s) `\(field)` are not allowed. Allowed filter(s) are `\(allowed.joined(separator: ", "))`.")
    }

    /// The rules of docs/PANEL-API.md §2.3 and §2.4; `existing` is the user being updated (unique checks skip it).
    private mutating func validateUser(body: [String: SimulatorJSON], existing: SimulatedPanelUser?) -> (fields: UserFields?, violations: Violations) {
        var violations = Violations()
        let others = users.filter { $0.id != existing?.id }
        let email = violations.requiredString(body, "email")
        if let email {
            if !Self.isEmail(email) {
                violations.add("email", rule: "email", "The email must be a valid email address.")
            } else if others.contains(where: { $0.email.lowercased() == email.lowercased() }) {
                violations.add("email", rule: "unique", "The email has already been taken.")
            }
        }
        let username = violations.requiredString(body, "username")
        if let username {
            if !Self.isPanelUsername(username) {
                violations.add("username", rule: "p_username", "The username must start and end with alpha-numeric characters and contain only letters, numbers, dashes, underscores, and periods.")
            } else if others.contains(where: { $0.username == username.lowercased() }) {
                violations.add("username", rule: "unique", "The username has already been taken.")
            }
        }
        let firstName = violations.requiredString(body, "first_name")
        let lastName = violations.requiredString(body, "last_name")
        let externalID = violations.optionalString(body, "external_id", label: "Third Party Identifier")
        if case .some(.some(let value)) = externalID, others.contains(where: { $0.externalID == value }) {
            violations.add("external_id", rule: "unique", "The Third Party Identifier has already been taken.")
        }
        let password = violations.optionalString(body, "password", max: 10_000)
        if let admin = body["root_admin"], admin != .null, admin.boolValue == nil {
            violations.add("root_admin", rule: "boolean", "The root admin field must be true or false.")
        }
        guard violations.isEmpty, let email, let username, let firstName, let lastName, let externalID, let password else { return (nil, violations) }
        return (UserFields(email: email, username: username.lowercased(), firstName: firstName, lastName: lastName,
                           externalID: externalID, isExternalIDSent: body["external_id"] != nil, password: password,
                           rootAdmin: body["root_admin"]?.boolValue), violations)
    }

    struct UserFields {
        var email, username, firstName, lastName: String
        var externalID: String?
        var isExternalIDSent: Bool
        var password: String?
        var rootAdmin: Bool?
    }

    private mutating func createUser(body: [String: SimulatorJSON], now: Date) -> SimulatedResponse {
        let (fields, violations) = validateUser(body: body, existing: nil)
        guard let fields else { return violations.response! }
        var user = SimulatedPanelUser(id: nextUserID, username: fields.username, email: fields.email, firstName: fields.firstName,
                                      lastName: fields.lastName, isRootAdmin: fields.rootAdmin ?? false, externalID: fields.externalID,
                                      password: fields.password)
        user.createdAt = now
        user.updatedAt = now
        nextUserID += 1
        users.append(user)
        return .json(201, PanelJSON.item("user", userAttributes(user), meta: ["resource": .string("\(baseURL)/api/application/users/\(user.id)")]))
    }

    private mutating func updateUser(_ id: String, body: [String: SimulatorJSON], now: Date) -> SimulatedResponse {
        guard let existing = userByPathID(id), let index = users.firstIndex(of: existing) else { return PanelJSON.notFound() }
        let (fields, violations) = validateUser(body: body, existing: existing)
        guard let fields else { return violations.response! }
        users[index].email = fields.email
        users[index].username = fields.username
        users[index].firstName = fields.firstName
        users[index].lastName = fields.lastName
        if fields.isExternalIDSent { users[index].externalID = fields.externalID }
        if let password = fields.password { users[index].password = password }
        if let admin = fields.rootAdmin { users[index].isRootAdmin = admin }
        users[index].updatedAt = now
        return .json(200, PanelJSON.item("user", userAttributes(users[index])))
    }

    private mutating func deleteUser(_ id: String) -> SimulatedResponse {
        guard let user = userByPathID(id) else { return PanelJSON.notFound() }
        guard !servers.contains(where: { $0.ownerID == user.id }) else {
            return PanelJSON.badRequest("DisplayException", "Cannot delete a user with active servers attached to their account. Please delete their servers before continuing.")
        }
        users.removeAll { $0.id == user.id }
        for index in servers.indices { servers[index].subusers.removeAll { $0.userID == user.id } }
        return .noContent
    }

    private func listServers(query: [String: String], caller: PanelCaller) -> SimulatedResponse {
        let allowed = ["uuid", "uuidShort", "name", "description", "image", "external_id"]
        let filtered = Self.filter(servers.sorted { $0.id < $1.id }, by: query, allowed: allowed) { server, field in
            switch field {
            case "uuid": server.uuid
            case "uuidShort": server.identifier
            case "name": server.name
            case "external_id": server.externalID
            case "description": server.description
            default: ""
            }
        }
        let matching: [SimulatedPanelServer]
        switch filtered {
        case .matching(let items): matching = items
        case .refused(let response): return response
        }
        let includes = Self.includes(query)
        return .json(200, PanelJSON.page("server", matching.map { applicationServerAttributes($0, including: includes, caller: caller) },
                                         page: Int(query["page"] ?? "") ?? 1,
                                         perPage: Int(query["per_page"] ?? "") ?? 50, linkBase: baseURL + "/api/application/servers"))
    }

    /// `?include=a,b`: the relationships asked for. Names a resource does not offer are ignored,
    /// as the panel does.
    static func includes(_ query: [String: String]) -> Set<String> {
        Set((query["include"] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() })
    }

    /// A server as the application API shows it, with the relationships `includes` asks for that
    /// the simulator offers (`egg`). An application key without read access to eggs gets
    /// `null_resource` in the egg's place (docs/PANEL-API.md §2.9).
    func applicationServerAttributes(_ server: SimulatedPanelServer, including includes: Set<String> = [], caller: PanelCaller? = nil) -> SimulatorJSON {
        let attributes = applicationServerAttributes(server)
        guard includes.contains("egg"), case .object(var fields) = attributes else { return attributes }
        let mayReadEggs: Bool = if case .application(let permissions)? = caller?.key.kind { (permissions["eggs"] ?? 0) & 1 != 0 } else { true }
        let egg: SimulatorJSON = mayReadEggs
            ? PanelJSON.item("egg", ["id": .integer(Int64(server.egg.id)), "uuid": .string(String(format: "%08d-0000-4000-8000-000000000000", server.egg.id)),
                                     "name": .string(server.egg.name), "nest": .integer(Int64(server.egg.nest)), "author": "support@pterodactyl.io",
                                     "description": "", "docker_image": .string(server.dockerImage)])
            : ["object": "null_resource", "attributes": .null]
        fields["relationships"] = ["egg": egg]
        return .object(fields)
    }

    func applicationServerAttributes(_ server: SimulatedPanelServer) -> SimulatorJSON {
        [
            "id": .integer(Int64(server.id)), "external_id": .optional(server.externalID), "uuid": .string(server.uuid),
            "identifier": .string(server.identifier), "name": .string(server.name), "description": .string(server.description),
            "status": .optional(server.status), "suspended": .bool(server.status == "suspended"),
            "limits": ["memory": 4096, "swap": 0, "disk": 20480, "io": 500, "cpu": 200, "threads": .null, "oom_disabled": true],
            "feature_limits": featureLimits(server), "user": .integer(Int64(server.ownerID)), "node": 1,
            "allocation": .integer(Int64(server.allocations.first(where: \.isDefault)?.id ?? 0)),
            "nest": .integer(Int64(server.egg.nest)), "egg": .integer(Int64(server.egg.id)),
            "container": ["startup_command": "java -jar {{SERVER_JARFILE}}", "image": "ghcr.io/pterodactyl/yolks:java_21",
                          "installed": .integer(server.status == "installing" ? 0 : 1), "environment": .object([:])],
            "created_at": PanelJSON.timestamp(Date(timeIntervalSince1970: 1_767_225_600)),
            "updated_at": PanelJSON.timestamp(Date(timeIntervalSince1970: 1_767_225_600)),
        ]
    }

    func featureLimits(_ server: SimulatedPanelServer) -> SimulatorJSON {
        ["databases": 0, "allocations": 2, "backups": server.backupLimit.map { .integer(Int64($0)) } ?? .null]
    }

    /// Laravel's `email` rule, roughly: one `@`, a local part and a dotted domain, no spaces.
    static func isEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !parts[1].hasPrefix(".") && !parts[1].hasSuffix(".")
            && !text.contains(" ")
    }

    /// `p_username`: lowercased, `^[a-z0-9][\w.-]+[a-z0-9]$` in ASCII.
    static func isPanelUsername(_ text: String) -> Bool {
        let bytes = Array(text.lowercased().utf8)
        func alnum(_ b: UInt8) -> Bool { (0x61...0x7A).contains(b) || (0x30...0x39).contains(b) }
        guard bytes.count >= 3, alnum(bytes.first!), alnum(bytes.last!) else { return false }
        return bytes.allSatisfy { alnum($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") }
    }
}

/// spatie's partial filter (docs/PANEL-API.md §2.1): `LOWER(column) LIKE %value%` for each comma-separated value,
/// where `%` and `_` are wildcards.
enum LikeFilter {
    static func matches(_ column: String, filter: String) -> Bool {
        filter.split(separator: ",").contains { like(Array(column.lowercased()), Array("%" + $0.lowercased() + "%")) }
    }

    private static func like(_ text: [Character], _ pattern: [Character]) -> Bool {
        var memo: [Int: Bool] = [:]
        func go(_ t: Int, _ p: Int) -> Bool {
            if let known = memo[t * (pattern.count + 1) + p] { return known }
            let result: Bool
            if p == pattern.count { result = t == text.count }
            else if pattern[p] == "%" { result = go(t, p + 1) || (t < text.count && go(t + 1, p)) }
            else { result = t < text.count && (pattern[p] == "_" || pattern[p] == text[t]) && go(t + 1, p + 1) }
            memo[t * (pattern.count + 1) + p] = result
            return result
        }
        return go(0, 0)
    }
}
