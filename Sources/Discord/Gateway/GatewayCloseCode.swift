public import WebSocket

/// What a close of the gateway connection means for the session (Discord's close-code table; docs/DISCORD.md#close-codes).
public enum GatewayCloseDisposition: Sendable, Equatable {
    /// Reconnect and resume the session.
    case resume
    /// Reconnect with a new session (4007 invalid sequence, 4009 session timed out).
    case identify
    /// Never reconnect: the configuration is wrong and retrying would only repeat the error.
    case fatal(reason: String)
}

extension CloseCode {
    /// The one place that knows which gateway close codes are fatal.
    public var gatewayDisposition: GatewayCloseDisposition {
        switch rawValue {
        case 4004: .fatal(reason: "authentication failed: the bot token (DISCORD_TOKEN) is invalid")
        case 4010: .fatal(reason: "invalid shard sent in IDENTIFY")
        case 4011: .fatal(reason: "sharding required: the bot is in too many guilds for one connection")
        case 4012: .fatal(reason: "invalid gateway API version")
        case 4013: .fatal(reason: "invalid intents in IDENTIFY")
        case 4014: .fatal(reason: "disallowed intents: enable the privileged intents in the Discord developer portal, or stop asking for them")
        case 4007, 4009: .identify
        default: .resume
        }
    }
}
