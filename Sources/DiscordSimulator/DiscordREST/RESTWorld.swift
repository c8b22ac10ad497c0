import Foundation
import SimulatorSupport

/// A request as it came off the socket, before any Discord rule looked at it.
struct IncomingRequest: Sendable {
    var method: String
    /// The raw path, still percent-encoded, e.g. `/api/v10/users/%40me`.
    var path: String
    var query: [String: String]
    /// Lowercased names.
    var headers: [String: String]
    var body: Data
    /// When the handler had the request's head, before the body was read and anything judged.
    var arrivedAt: ContinuousClock.Instant
}

/// Everything the simulated Discord knows and remembers, and the order in which it judges a request.
///
/// A value type behind the simulator's one lock: a request is judged and its effects applied in one
/// critical section, so two racing requests (a double click) see each other's effects exactly as
/// they would on Discord. No I/O and no clock reads happen here; `now` is passed in.
struct RESTWorld {
    static let basePath = "/api/v10"

    let configuration: DiscordRESTSimulator.Configuration
    var requests: [RecordedRequest] = []
    var interactions: [String: InteractionState] = [:]
    var interactionIDsByToken: [String: String] = [:]
    var channelMessages: [String: [SimulatorJSON]] = [:]
    /// Messages created with `enforce_nonce` within `nonceWindow`, by nonce (the bot is the only
    /// author, and Discord's repeat check spans channels), for Discord's repeat check.
    var messagesByNonce: [String: (message: SimulatorJSON, at: Date)] = [:]
    var dmChannelsByUser: [String: String] = [:]
    var dmRecipientsByChannel: [String: String] = [:]
    var memberRoles: [String: Set<String>]
    var commands: [SimulatorJSON] = []
    var commandCreates: [Date] = []
    var rateLimits: [SimulatedRoute: RateLimitRule]
    var buckets = RateLimitBuckets()
    var faults: [SimulatedRoute: [SimulatedFault]] = [:]
    var invalidRequests: [Int: Int] = [:]
    var snowflakes = SnowflakeGenerator()
    /// The deadline clock's reading for the request being judged: the 3 s and 15 min interaction
    /// deadlines are measured on it, which may be a clock of its own (see `DiscordRESTSimulator`).
    var deadlineNow = Date.distantPast

    init(configuration: DiscordRESTSimulator.Configuration) {
        self.configuration = configuration
        self.rateLimits = configuration.rateLimits
        var roles: [String: Set<String>] = [:]
        for member in configuration.members { roles[member.userID] = member.roleIDs }
        self.memberRoles = roles
    }

    /// Judges `request` at `now` (interaction deadlines at `deadlineNow`), applies its effects,
    /// records it and returns the answer.
    mutating func handle(_ request: IncomingRequest, now: Date, deadlineNow: Date) -> SimulatedResponse {
        self.deadlineNow = deadlineNow
        let segments = Self.segments(of: request.path)
        var match: RouteMatch?
        if let segments, case .matched(let found) = RouteTable.match(method: request.method, segments: segments) {
            match = found
        }
        let body = request.body.isEmpty ? nil : SimulatorJSON(parsing: request.body)
        let response = respond(to: request, segments: segments, match: match, body: body, now: now)
        if response.countsAsInvalid { invalidRequests[response.status, default: 0] += 1 }
        requests.append(RecordedRequest(
            route: match?.route, method: request.method,
            template: match?.route.template ?? request.path,
            path: segments.map { "/" + $0.joined(separator: "/") } ?? request.path,
            query: request.query, headers: request.headers, rawBody: request.body, body: body,
            status: response.status, receivedAt: now
        ))
        return response
    }

    /// Discord's order, outermost first: Cloudflare's checks, the router, the edge faults, the token,
    /// the global limit, the route's bucket (so that bad bodies still spend it, as on Discord), the
    /// body's framing, then the route's own rules.
    private mutating func respond(to request: IncomingRequest, segments: [String]?, match: RouteMatch?, body: SimulatorJSON?, now: Date) -> SimulatedResponse {
        if let blocked = checkUserAgent(request, segments: segments) { return blocked }
        guard let segments else { return .httpError(404, "Not Found").fromAPI }
        guard let match else {
            switch RouteTable.match(method: request.method, segments: segments) {
            case .methodNotAllowed: return .httpError(405, "Method Not Allowed").fromAPI
            default: return .httpError(404, "Not Found").fromAPI
            }
        }
        let route = match.route
        var delivery: SimulatedFault?
        if let fault = faults[route]?.first {
            faults[route]?.removeFirst()
            switch fault {
            case .slowResponse, .resetMidBody: delivery = fault
            default: return Self.response(for: fault)
            }
        }
        if !route.isInteractionRoute {
            if let unauthorized = checkAuthorization(request) { return unauthorized.fromAPI }
            if let limited = takeGlobal(now: now) { return limited.fromAPI }
        }
        let rateLimitHeaders: RateLimitHeaders
        switch takeBucket(for: match, now: now) {
        case .allowed(let headers): rateLimitHeaders = headers
        case .limited(let headers, let retryAfter): return Self.rateLimited(headers: headers, retryAfter: retryAfter).fromAPI
        }
        var response = checkFraming(request, body: body)
            ?? checkAuditLogReason(request)
            ?? dispatch(match, request: request, body: body, now: now)
        response.headers.merge(rateLimitHeaders.fields) { own, _ in own }
        response = response.fromAPI
        switch delivery {
        case .slowResponse(let delay): response.delay = delay
        case .resetMidBody(let bytes): response.delivery = .resetMidBody(afterBytes: bytes)
        default: break
        }
        return response
    }

    private mutating func dispatch(_ match: RouteMatch, request: IncomingRequest, body: SimulatorJSON?, now: Date) -> SimulatedResponse {
        switch match.route {
        case .createInteractionResponse: createInteractionResponse(match, body: body, query: request.query, now: now)
        case .createFollowUpMessage: createFollowUp(match, body: body, now: now)
        case .getOriginalResponse, .editOriginalResponse, .deleteOriginalResponse: originalResponse(match, body: body, now: now)
        case .getFollowUpMessage, .editFollowUpMessage, .deleteFollowUpMessage: followUpMessage(match, body: body, now: now)
        case .createDM: createDM(body: body, now: now)
        case .createMessage: createMessage(match, body: body, now: now)
        case .editMessage: editMessage(match, body: body, now: now)
        case .addMemberRole, .removeMemberRole: changeMemberRole(match)
        case .getMember: getMember(match)
        case .getCurrentUser: .json(200, botUser)
        case .getCurrentApplication: .json(200, botApplication)
        case .getGatewayBot: gatewayBot
        case .getGuild: getGuild(match)
        case .getGuildRoles: getGuildRoles(match)
        case .getChannel: getChannel(match)
        case .getGuildCommands: getGuildCommands(match)
        case .bulkOverwriteGuildCommands: overwriteGuildCommands(match, body: body, now: now)
        }
    }

    /// The path after `/api/v10`, split and percent-decoded; `nil` for anything outside the API.
    static func segments(of path: String) -> [String]? {
        guard path == basePath || path.hasPrefix(basePath + "/") else { return nil }
        let rest = path.dropFirst(basePath.count).split(separator: "/", omittingEmptySubsequences: true)
        let decoded = rest.map { String($0).removingPercentEncoding }
        guard !decoded.contains(nil) else { return nil }
        return decoded.compactMap { $0 }
    }
}

extension SimulatedResponse {
    /// Every answer from Discord's API servers passes Google's load balancer, which adds `Via`;
    /// answers from Cloudflare do not (docs/DISCORD.md#429-answers), so this marks the difference.
    var fromAPI: SimulatedResponse {
        var copy = self
        copy.headers["Via"] = "1.1 google"
        return copy
    }
}
