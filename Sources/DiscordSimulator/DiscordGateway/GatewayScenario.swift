public import WebSocket

/// Server behaviour a test triggers on a live connection (docs/DISCORD.md#connection). Each one
/// is what real Discord does at some point; the client under test must cope with all of them.
public enum GatewayScenario: Sendable, Equatable {
    /// Stop answering heartbeats on this connection: the client should detect a zombie and close
    /// with a code other than 1000/1001, then RESUME (docs/DISCORD.md#resume).
    case dropHeartbeatACKs
    /// Send op 1: the client must heartbeat at once (docs/DISCORD.md#heartbeats).
    case requestHeartbeat
    /// Send op 7: the client should reconnect and RESUME (docs/DISCORD.md#resume).
    case reconnect
    /// Send op 9; `false` also ends the session, so a later RESUME gets op 9 `false` (docs/DISCORD.md#resume).
    case invalidSession(resumable: Bool)
    /// Send a close frame with Discord's reason for the code, then wait for the client's.
    /// 4004, 4007, 4009–4014 end the session; 1000, 1001 and 4000 leave it resumable.
    case close(CloseCode)
    /// End TCP without a close frame; the session stays resumable.
    case dropTCP
    /// Stop reading and writing but keep the socket open. Dispatches still enter the session's
    /// replay buffer, so a RESUME on a new connection gets them.
    case halfOpen
}
