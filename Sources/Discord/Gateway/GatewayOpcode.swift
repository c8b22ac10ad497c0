/// Gateway opcodes (docs `topics/opcodes-and-status-codes.mdx`), with the direction each travels.
public enum GatewayOpcode: Int, Sendable {
    /// Receive: an event, with a sequence number and a name.
    case dispatch = 0
    /// Send and receive: keep-alive; the server may ask for one at once.
    case heartbeat = 1
    /// Send: starts a new session.
    case identify = 2
    /// Send: presence update (unused by the bot).
    case presenceUpdate = 3
    /// Send: voice state update (unused by the bot).
    case voiceStateUpdate = 4
    /// Send: continues a session after a reconnect.
    case resume = 6
    /// Receive: reconnect and resume.
    case reconnect = 7
    /// Send: request guild members (unused by the bot).
    case requestGuildMembers = 8
    /// Receive: the session is invalid; `d` says whether it may be resumed.
    case invalidSession = 9
    /// Receive: first payload on every connection, with the heartbeat interval.
    case hello = 10
    /// Receive: a heartbeat was received.
    case heartbeatAck = 11
}
