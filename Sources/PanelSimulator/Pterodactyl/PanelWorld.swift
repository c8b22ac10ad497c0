import Foundation
public import SimulatorSupport

/// One request as the panel simulator saw it. Tests act, then read these.
public struct PanelRecordedRequest: Sendable {
    /// `nil` for a path that matched no route.
    public let route: PanelSimulatedRoute?
    public let method: String
    /// The raw path, e.g. `/api/client/servers/1a2b3c4d/backups`.
    public let path: String
    public let query: [String: String]
    /// Lowercased names.
    public let headers: [String: String]
    public let body: SimulatorJSON?
    public let status: Int

    public func header(_ name: String) -> String? { headers[name.lowercased()] }
}

/// What the handler writes: a complete answer, or Wings streaming a backup archive.
enum PanelReply {
    case response(SimulatedResponse)
    case download(bytes: Int64, name: String, fault: PanelDownloadFault?)
}

/// Who is calling: the key's account and what kind of key it is.
struct PanelCaller {
    let user: SimulatedPanelUser
    let key: SimulatedAPIKey
}

/// Everything the simulated panel knows, and the order in which it judges a request.
///
/// A value behind the simulator's lock: each request is judged and applied in one critical
/// section. No I/O and no clock reads; `now` is passed in, and time-driven changes (power
/// transitions, automatic backup and install completion) are applied lazily by `settle(now:)`.
struct PanelWorld {
    let configuration: PanelSimulator.Configuration
    var baseURL = ""
    var users: [SimulatedPanelUser]
    var servers: [SimulatedPanelServer]
    var requests: [PanelRecordedRequest] = []
    var limiter = PanelRateLimiter()
    var faults: [PanelSimulatedRoute: [PanelFault]] = [:]
    var downloadFaults: [PanelDownloadFault] = []
    var nextUserID: Int
    var nextBackupNumber = 1
    var nextScheduleID = 1
    var nextScheduleTaskID = 1
    /// Client keys added while running (a renter's own key), beside the configured ones.
    var addedKeys: [SimulatedAPIKey] = []
    var randomCounter = 0
    /// Per server id: when a pending power transition lands, and on which state.
    var pendingPower: [Int: (at: Date, state: String)] = [:]
    var installFinishesAt: [Int: Date] = [:]
    /// Creation times of backups per server id, deleted ones included (the throttle counts them).
    var backupCreations: [Int: [Date]] = [:]
    var downloadTokens: [String: DownloadToken] = [:]
    /// Per server id: the power state `/resources` last read from Wings, and when.
    var resourcesCache: [Int: (at: Date, state: String)] = [:]
    /// Sub-user updates that changed stored permissions (an unchanged list writes nothing, docs/PANEL-API.md §3.2).
    var subuserWrites = 0

    struct DownloadToken {
        let serverID: Int
        let backupUUID: String
        let expiresAt: Date
        var isUsed: Bool
    }

    init(configuration: PanelSimulator.Configuration) {
        self.configuration = configuration
        users = configuration.users
        servers = configuration.servers
        nextUserID = (configuration.users.map(\.id).max() ?? 0) + 1
    }

    /// Judges `request`, applies its effects, records it and returns the reply.
    mutating func handle(_ request: PanelIncomingRequest, now: Date) -> PanelReply {
        settle(now: now)
        let segments = Self.segments(of: request.path)
        var matched: PanelRouteMatch?
        if let segments, case .matched(let found) = PanelRouteMatch.match(method: request.method, segments: segments) { matched = found }
        let rawBody = request.body.isEmpty ? nil : SimulatorJSON(parsing: request.body)
        var reply: PanelReply
        if request.path == "/download/backup" {
            reply = wingsDownload(token: request.query["token"] ?? "", now: now)
            matched = PanelRouteMatch(route: .wingsDownload, parameters: [])
        } else {
            var response = respond(to: request, segments: segments, match: matched, body: rawBody, now: now)
            if !Self.acceptsJSON(request.headers["accept"]) { response = htmlRendering(of: response, request: request) }
            reply = .response(response)
        }
        let status: Int = switch reply {
        case .response(let response): response.status
        case .download: 200
        }
        requests.append(PanelRecordedRequest(route: matched?.route, method: request.method, path: request.path, query: request.query,
                                             headers: request.headers, body: rawBody, status: status))
        return reply
    }

    /// The panel's order (docs/PANEL-API.md §1.5, §1.7): router, authentication and key type, the throttle (so every
    /// authenticated request counts), injected faults, then per-API access checks, then the route.
    private mutating func respond(to request: PanelIncomingRequest, segments: [String]?, match: PanelRouteMatch?, body: SimulatorJSON?, now: Date) -> SimulatedResponse {
        guard let segments else { return PanelJSON.notFound() }
        guard let match else {
            if case .methodNotAllowed = PanelRouteMatch.match(method: request.method, segments: segments) {
                return PanelJSON.error(405, code: "MethodNotAllowedHttpException", detail: "The \(request.method) method is not supported for this route.")
            }
            return PanelJSON.notFound()
        }
        let caller: PanelCaller
        switch authenticate(request, route: match.route) {
        case .success(let found): caller = found
        case .failure(let refusal): return refusal.response
        }
        let isApplication = match.route.isApplication
        let limit = isApplication ? configuration.applicationRateLimit : configuration.clientRateLimit
        let bucket = (isApplication ? "application:" : "client:") + caller.user.uuid
        let rateHeaders: [String: String]
        switch limiter.hit(key: bucket, limit: limit, window: configuration.rateLimitWindow, now: now) {
        case .allowed(let limit, let remaining):
            rateHeaders = ["X-RateLimit-Limit": String(limit), "X-RateLimit-Remaining": String(remaining)]
        case .limited(let limit, let retryAfter, let resetAt):
            return Self.throttled(limit: limit, retryAfter: retryAfter, resetAt: resetAt)
        }
        var response: SimulatedResponse
        if let fault = faults[match.route]?.first {
            faults[match.route]?.removeFirst()
            // The panel's only 429 is its throttle, headers and all, whoever asked for it.
            response = fault == .status(429) ? Self.throttled(limit: limit, retryAfter: 1, resetAt: now.addingTimeInterval(1)) : Self.response(for: fault)
        } else {
            switch Self.parseBody(request, body: body) {
            case .failure(let refusal): response = refusal.response
            case .success(let input):
                response = isApplication
                    ? application(match, caller: caller, body: input, query: request.query, now: now)
                    : client(match, caller: caller, body: input, query: request.query, now: now)
            }
        }
        response.headers.merge(rateHeaders) { own, _ in own }
        return response
    }

    struct Refusal: Error {
        let response: SimulatedResponse
    }

    /// Bearer key of 48 characters, known; then the key type for the API (docs/PANEL-API.md §1.2).
    private func authenticate(_ request: PanelIncomingRequest, route: PanelSimulatedRoute) -> Result<PanelCaller, Refusal> {
        let unauthenticated = Refusal(response: PanelJSON.error(401, code: "AuthenticationException", detail: "Unauthenticated."))
        guard let header = request.headers["authorization"], header.hasPrefix("Bearer ") else { return .failure(unauthenticated) }
        let token = String(header.dropFirst("Bearer ".count))
        guard token.count == 48, let key = (configuration.keys + addedKeys).first(where: { $0.token == token }),
              let user = users.first(where: { $0.id == key.userID }) else { return .failure(unauthenticated) }
        switch (key.kind, route.isApplication) {
        case (.application, false):
            return .failure(Refusal(response: PanelJSON.error(403, code: "AccessDeniedHttpException",
                detail: "You are attempting to use an application API key on an endpoint that requires a client API key.")))
        case (.client, true) where !user.isRootAdmin:
            return .failure(Refusal(response: PanelJSON.error(403, code: "AccessDeniedHttpException",
                detail: "This account does not have permission to access the API.")))
        default:
            return .success(PanelCaller(user: user, key: key))
        }
    }

    /// The body as the controllers see it: trimmed, `""` as null, `{}` when there is none or the
    /// Content-Type is not JSON (then every required field fails). Malformed JSON is a 400.
    private static func parseBody(_ request: PanelIncomingRequest, body: SimulatorJSON?) -> Result<[String: SimulatorJSON], Refusal> {
        let isJSON = request.headers["content-type"]?.lowercased().contains("json") ?? false
        guard !request.body.isEmpty, isJSON else { return .success([:]) }
        guard let body else {
            return .failure(Refusal(response: PanelJSON.badRequest("BadRequestHttpException",
                "The JSON data passed in the request appears to be malformed: Syntax error")))
        }
        return .success(body.trimmedInput.objectValue ?? [:])
    }

    /// Laravel's throttle answer (docs/PANEL-API.md §1.5): the one kind of 429 the panel sends.
    static func throttled(limit: Int, retryAfter: Int, resetAt: Date) -> SimulatedResponse {
        PanelJSON.error(429, code: "ThrottleRequestsException", detail: "Too Many Attempts.", headers: [
            "X-RateLimit-Limit": String(limit), "X-RateLimit-Remaining": "0", "Retry-After": String(retryAfter),
            "X-RateLimit-Reset": String(Int(resetAt.timeIntervalSince1970)),
        ])
    }

    static func response(for fault: PanelFault) -> SimulatedResponse {
        switch fault {
        case .status(let status):
            PanelJSON.error(status, code: "HttpException", detail: "An unexpected error was encountered while processing this request, please try again.")
        case .daemonUnavailable:
            PanelJSON.error(504, code: "DaemonConnectionException", detail: "Could not establish a connection to the machine running this server. Please try again.")
        case .daemonError(let status, let message):
            PanelJSON.error(status, code: "DaemonConnectionException", detail: "An error occurred on the remote host: \(message). (request id: simulated)")
        }
    }

    /// Accept's first entry must contain `/json` or `+json` (docs/PANEL-API.md §1.1).
    static func acceptsJSON(_ accept: String?) -> Bool {
        guard let first = accept?.split(separator: ",").first?.lowercased() else { return false }
        return first.contains("/json") || first.contains("+json")
    }

    /// Without a JSON Accept, errors are not JSON (docs/PANEL-API.md §1.1): a bad key redirects to the login page,
    /// a validation failure redirects back, anything else renders HTML. Successes stay JSON.
    private func htmlRendering(of response: SimulatedResponse, request: PanelIncomingRequest) -> SimulatedResponse {
        guard response.status >= 400 else { return response }
        var headers = response.headers.filter { $0.key.hasPrefix("X-RateLimit") || $0.key == "Retry-After" }
        switch response.status {
        case 401:
            headers["Location"] = baseURL + "/auth/login"
            return SimulatedResponse(status: 302, headers: headers, body: Data())
        case 422:
            headers["Location"] = request.headers["referer"] ?? baseURL + "/"
            return SimulatedResponse(status: 302, headers: headers, body: Data())
        default:
            return .html(response.status, "<!DOCTYPE html><html><head><title>Pterodactyl</title></head><body><h1>An error was encountered</h1></body></html>", headers: headers)
        }
    }

    /// The path after `/api/`, split and percent-decoded; `nil` for anything outside the API.
    static func segments(of path: String) -> [String]? {
        guard path.hasPrefix("/api/") else { return nil }
        let decoded = path.dropFirst("/api/".count).split(separator: "/").map { String($0).removingPercentEncoding }
        guard !decoded.contains(nil) else { return nil }
        return decoded.compactMap { $0 }
    }

    /// Lands power transitions, automatic backups and installs whose time has come.
    mutating func settle(now: Date) {
        for (serverID, pending) in pendingPower where pending.at <= now {
            if let index = servers.firstIndex(where: { $0.id == serverID }) { servers[index].powerState = pending.state }
            pendingPower[serverID] = nil
        }
        for (serverID, at) in installFinishesAt where at <= now {
            if let index = servers.firstIndex(where: { $0.id == serverID }) { finishInstall(server: index, failed: servers[index].failsNextInstall) }
            installFinishesAt[serverID] = nil
        }
        if let duration = configuration.automaticBackupDuration {
            for s in servers.indices {
                for b in servers[s].backups.indices where servers[s].backups[b].isRunning
                    && servers[s].backups[b].createdAt.addingTimeInterval(duration.seconds) <= now {
                    complete(server: s, backup: b, successful: configuration.automaticBackupSucceeds, bytes: configuration.automaticBackupBytes, at: now)
                }
            }
        }
    }

    /// Wings reports the egg's install script done. A successful one lays down the server jar of
    /// the version the egg's variable names (over the existing volume: a reinstall deletes
    /// nothing); a failed one leaves `reinstall_failed` and the files as they were.
    mutating func finishInstall(server s: Int, failed: Bool) {
        servers[s].failsNextInstall = false
        guard !failed else {
            servers[s].status = "reinstall_failed"
            return
        }
        servers[s].status = nil
        let version = servers[s].variables.first { ["MINECRAFT_VERSION", "VANILLA_VERSION", "MC_VERSION"].contains($0.envVariable) }?.effectiveValue
        servers[s].installedVersion = version
        var root = servers[s].files["/"] ?? []
        root.removeAll { $0.name == "server.jar" }
        root.append(SimulatedFile(name: "server.jar", size: 48_000_000))
        servers[s].files["/"] = root
    }

    mutating func complete(server s: Int, backup b: Int, successful: Bool, bytes: Int64, at now: Date) {
        servers[s].backups[b].completedAt = now
        servers[s].backups[b].isSuccessful = successful
        if successful {
            servers[s].backups[b].bytes = bytes
            servers[s].backups[b].checksum = "sha1:" + String(format: "%040x", bytes)
        } else {
            servers[s].backups[b].isLocked = false
        }
    }

    /// A deterministic stand-in for the panel's random strings (sub-user username suffixes, tokens).
    mutating func randomString(length: Int) -> String {
        randomCounter += 1
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789")
        var value = UInt64(randomCounter) &* 0x9E37_79B9_7F4A_7C15
        return String((0..<length).map { _ in
            value = value &* 6364136223846793005 &+ 1442695040888963407
            return alphabet[Int(value >> 33) % alphabet.count]
        })
    }
}

/// A request off the socket. The query is parsed as PHP does: `+` is a space.
struct PanelIncomingRequest: Sendable {
    var method: String
    var path: String
    var query: [String: String]
    var headers: [String: String]
    var body: Data

    static func parseQuery(_ raw: String) -> [String: String] {
        var items: [String: String] = [:]
        for pair in raw.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ text: Substring) -> String {
                let spaced = text.replacingOccurrences(of: "+", with: " ")
                return spaced.removingPercentEncoding ?? spaced
            }
            items[decode(parts[0])] = parts.count > 1 ? decode(parts[1]) : ""
        }
        return items
    }
}
