/// Every Discord v10 route the REST simulator answers: the one place that spells their paths.
///
/// Records, rate-limit rules and injected faults are keyed by these cases, and `template` is what a
/// test (or a log) sees, never the path: interaction and webhook tokens travel in the path.
public enum SimulatedRoute: String, Sendable, Hashable, CaseIterable {
    case createInteractionResponse
    case createFollowUpMessage
    case getOriginalResponse
    case editOriginalResponse
    case deleteOriginalResponse
    case getFollowUpMessage
    case editFollowUpMessage
    case deleteFollowUpMessage
    case createDM
    case createMessage
    case editMessage
    case addMemberRole
    case removeMemberRole
    case getMember
    case getCurrentUser
    case getCurrentApplication
    case getGatewayBot
    case getGuild
    case getGuildRoles
    case getChannel
    case getGuildCommands
    case bulkOverwriteGuildCommands

    public var method: String {
        switch self {
        case .getOriginalResponse, .getFollowUpMessage, .getMember, .getCurrentUser, .getCurrentApplication, .getGatewayBot, .getGuild, .getGuildRoles,
             .getChannel, .getGuildCommands: "GET"
        case .editOriginalResponse, .editFollowUpMessage, .editMessage: "PATCH"
        case .deleteOriginalResponse, .deleteFollowUpMessage, .removeMemberRole: "DELETE"
        case .addMemberRole, .bulkOverwriteGuildCommands: "PUT"
        case .createInteractionResponse, .createFollowUpMessage, .createDM, .createMessage: "POST"
        }
    }

    /// The path under `/api/v10`, with Discord's parameter names in braces.
    public var template: String {
        switch self {
        case .createInteractionResponse: "/interactions/{interaction_id}/{interaction_token}/callback"
        case .createFollowUpMessage: "/webhooks/{application_id}/{interaction_token}"
        case .getOriginalResponse, .editOriginalResponse, .deleteOriginalResponse:
            "/webhooks/{application_id}/{interaction_token}/messages/@original"
        case .getFollowUpMessage, .editFollowUpMessage, .deleteFollowUpMessage:
            "/webhooks/{application_id}/{interaction_token}/messages/{message_id}"
        case .createDM: "/users/@me/channels"
        case .createMessage: "/channels/{channel_id}/messages"
        case .editMessage: "/channels/{channel_id}/messages/{message_id}"
        case .addMemberRole, .removeMemberRole: "/guilds/{guild_id}/members/{user_id}/roles/{role_id}"
        case .getMember: "/guilds/{guild_id}/members/{user_id}"
        case .getCurrentUser: "/users/@me"
        case .getCurrentApplication: "/oauth2/applications/@me"
        case .getGatewayBot: "/gateway/bot"
        case .getGuild: "/guilds/{guild_id}"
        case .getGuildRoles: "/guilds/{guild_id}/roles"
        case .getChannel: "/channels/{channel_id}"
        case .getGuildCommands, .bulkOverwriteGuildCommands: "/applications/{application_id}/guilds/{guild_id}/commands"
        }
    }

    /// Interaction callbacks and interaction webhooks need no bot token and, per Discord's rate-limit
    /// docs, do not count against the global limit (docs/DISCORD.md#global-limit).
    public var isInteractionRoute: Bool {
        switch self {
        case .createInteractionResponse, .createFollowUpMessage, .getOriginalResponse, .editOriginalResponse,
             .deleteOriginalResponse, .getFollowUpMessage, .editFollowUpMessage, .deleteFollowUpMessage: true
        default: false
        }
    }

    /// The parameter that splits a bucket per resource, as Discord's "top-level resources" do
    /// (channel, guild, webhook with its token; docs/DISCORD.md#buckets).
    var majorParameters: [String] {
        switch self {
        case .createMessage, .editMessage, .getChannel: ["channel_id"]
        case .addMemberRole, .removeMemberRole, .getMember, .getGuild, .getGuildRoles, .getGuildCommands, .bulkOverwriteGuildCommands: ["guild_id"]
        case .createInteractionResponse: ["interaction_id", "interaction_token"]
        case .createFollowUpMessage, .getOriginalResponse, .editOriginalResponse, .deleteOriginalResponse,
             .getFollowUpMessage, .editFollowUpMessage, .deleteFollowUpMessage: ["application_id", "interaction_token"]
        case .createDM, .getCurrentUser, .getCurrentApplication, .getGatewayBot: []
        }
    }

    var templateSegments: [Substring] {
        template.split(separator: "/")
    }
}

/// A path matched against the route table.
struct RouteMatch {
    let route: SimulatedRoute
    let parameters: [String: String]

    subscript(name: String) -> String { parameters[name] ?? "" }
}

enum RouteTable {
    enum Outcome {
        case matched(RouteMatch)
        /// The path exists, but not for this method: Discord answers 405.
        case methodNotAllowed
        case notFound
    }

    /// Matches percent-decoded `segments` (the path after `/api/v10`). Literal segments such as
    /// `@original` and `@me` win over parameters, as they do in Discord's router.
    static func match(method: String, segments: [String]) -> Outcome {
        var pathExists = false
        for route in SimulatedRoute.allCases {
            guard let parameters = bind(route.templateSegments, to: segments) else { continue }
            if route.method == method { return .matched(RouteMatch(route: route, parameters: parameters)) }
            pathExists = true
        }
        return pathExists ? .methodNotAllowed : .notFound
    }

    private static func bind(_ template: [Substring], to segments: [String]) -> [String: String]? {
        guard template.count == segments.count else { return nil }
        var parameters: [String: String] = [:]
        for (pattern, segment) in zip(template, segments) {
            if pattern.hasPrefix("{") {
                // A parameter never captures a literal that another route spells, such as `@original`.
                guard !segment.hasPrefix("@"), !segment.isEmpty else { return nil }
                parameters[String(pattern.dropFirst().dropLast())] = segment
            } else if pattern != segment {
                return nil
            }
        }
        return parameters
    }
}
