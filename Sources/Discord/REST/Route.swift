import HTTP
public import Secrets

/// Every REST endpoint the bot calls: the one place that spells paths.
///
/// Templates are the OpenAPI spec's path templates, so a test can check each one exists in
/// `openapi.json`; logs and errors show the template, never the path, because interaction tokens
/// travel in the path.
public enum Route: Sendable, Hashable {
    case createInteractionResponse(InteractionID, token: Secret)
    case editOriginalResponse(ApplicationID, token: Secret)
    case deleteOriginalResponse(ApplicationID, token: Secret)
    case createFollowupMessage(ApplicationID, token: Secret)
    case createDM
    case createMessage(ChannelID)
    case editMessage(ChannelID, MessageID)
    case addMemberRole(GuildID, UserID, RoleID)
    case getGuildMember(GuildID, UserID)
    case getCurrentUser
    case getGatewayBot
    case getGuild(GuildID)
    case getGuildRoles(GuildID)
    case getChannel(ChannelID)
    case getGuildCommands(ApplicationID, GuildID)
    case bulkOverwriteGuildCommands(ApplicationID, GuildID)

    public var method: String {
        switch self {
        case .getGuildMember, .getCurrentUser, .getGatewayBot, .getGuild, .getGuildRoles, .getChannel, .getGuildCommands: "GET"
        case .createInteractionResponse, .createFollowupMessage, .createDM, .createMessage: "POST"
        case .editOriginalResponse, .editMessage: "PATCH"
        case .deleteOriginalResponse: "DELETE"
        case .addMemberRole, .bulkOverwriteGuildCommands: "PUT"
        }
    }

    public var template: String {
        switch self {
        case .createInteractionResponse: "/interactions/{interaction_id}/{interaction_token}/callback"
        // An interaction's follow-ups are webhook executions with the application id and the
        // interaction token standing in for the webhook's.
        case .editOriginalResponse, .deleteOriginalResponse: "/webhooks/{webhook_id}/{webhook_token}/messages/@original"
        case .createFollowupMessage: "/webhooks/{webhook_id}/{webhook_token}"
        case .createDM: "/users/@me/channels"
        case .createMessage: "/channels/{channel_id}/messages"
        case .editMessage: "/channels/{channel_id}/messages/{message_id}"
        case .addMemberRole: "/guilds/{guild_id}/members/{user_id}/roles/{role_id}"
        case .getGuildMember: "/guilds/{guild_id}/members/{user_id}"
        case .getCurrentUser: "/users/@me"
        case .getGatewayBot: "/gateway/bot"
        case .getGuild: "/guilds/{guild_id}"
        case .getGuildRoles: "/guilds/{guild_id}/roles"
        case .getChannel: "/channels/{channel_id}"
        case .getGuildCommands, .bulkOverwriteGuildCommands: "/applications/{application_id}/guilds/{guild_id}/commands"
        }
    }

    /// The path with its parameters filled in; it contains tokens, so it is never logged.
    var path: String {
        switch self {
        case .createInteractionResponse(let id, let token): "/interactions/\(id)/\(Self.escaped(token))/callback"
        case .editOriginalResponse(let application, let token), .deleteOriginalResponse(let application, let token):
            "/webhooks/\(application)/\(Self.escaped(token))/messages/@original"
        case .createFollowupMessage(let application, let token): "/webhooks/\(application)/\(Self.escaped(token))"
        case .createDM: "/users/@me/channels"
        case .createMessage(let channel): "/channels/\(channel)/messages"
        case .editMessage(let channel, let message): "/channels/\(channel)/messages/\(message)"
        case .addMemberRole(let guild, let user, let role): "/guilds/\(guild)/members/\(user)/roles/\(role)"
        case .getGuildMember(let guild, let user): "/guilds/\(guild)/members/\(user)"
        case .getCurrentUser: "/users/@me"
        case .getGatewayBot: "/gateway/bot"
        case .getGuild(let guild): "/guilds/\(guild)"
        case .getGuildRoles(let guild): "/guilds/\(guild)/roles"
        case .getChannel(let channel): "/channels/\(channel)"
        case .getGuildCommands(let application, let guild), .bulkOverwriteGuildCommands(let application, let guild):
            "/applications/\(application)/guilds/\(guild)/commands"
        }
    }

    /// Interaction callbacks and interaction webhooks authenticate with their token, not the bot's,
    /// and are exempt from the global 50 requests per second.
    public var isInteraction: Bool {
        switch self {
        case .createInteractionResponse, .editOriginalResponse, .deleteOriginalResponse, .createFollowupMessage: true
        default: false
        }
    }

    /// The first segment of the template (`channels`, `guilds`, `interactions`, `webhooks`, ...):
    /// a small fixed set that names what was called without any id, for metrics.
    public var resource: String {
        // Over the bytes: it is read for every request, and splitting by `Character` cost more
        // than the rest of the route.
        let path = template.utf8.drop { $0 == UInt8(ascii: "/") }
        return String(Substring(path.prefix { $0 != UInt8(ascii: "/") }))
    }

    /// Whether a retry after an unknown outcome (5xx, timeout, reset) cannot do the work twice.
    var isIdempotent: Bool { method != "POST" }

    /// The rate-limit identity: template plus the top-level resource Discord buckets by.
    var rateLimitRoute: RateLimitRoute {
        let major: MajorParameter = switch self {
        case .createInteractionResponse(let id, let token): .interaction(id.rawValue, token: token)
        case .editOriginalResponse(let application, let token), .deleteOriginalResponse(let application, let token),
             .createFollowupMessage(let application, let token): .webhook(application.rawValue, token: token)
        // An edit shares its channel's top-level resource: its bucket is per channel, not per message.
        case .createMessage(let channel), .editMessage(let channel, _), .getChannel(let channel): .channel(channel.rawValue)
        case .addMemberRole(let guild, _, _), .getGuildMember(let guild, _), .getGuild(let guild), .getGuildRoles(let guild), .getGuildCommands(_, let guild),
             .bulkOverwriteGuildCommands(_, let guild): .guild(guild.rawValue)
        case .createDM, .getCurrentUser, .getGatewayBot: .none
        }
        return RateLimitRoute(method: method, template: template, major: major, isInteraction: isInteraction)
    }

    /// Tokens are URL-safe in practice; escape anything else rather than trust it.
    private static func escaped(_ token: Secret) -> String {
        PercentEncoding.encode(token.revealed())
    }
}
