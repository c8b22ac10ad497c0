/// Gateway opcodes (Discord's documentation, "Opcodes and Status Codes"), with their direction as seen by
/// the bot. The simulator sends the "received" ones and accepts the "sent" ones; any other value
/// from a client closes the connection with 4001.
enum GatewayOpcode {
    /// Received: an event, with `t` and `s`.
    static let dispatch = 0
    /// Both: the client's keep-alive, or the server asking for one at once.
    static let heartbeat = 1
    /// Sent: start a session.
    static let identify = 2
    /// Sent.
    static let presenceUpdate = 3
    /// Sent.
    static let voiceStateUpdate = 4
    /// Sent: continue a session on a new connection.
    static let resume = 6
    /// Received: reconnect and resume.
    static let reconnect = 7
    /// Sent.
    static let requestGuildMembers = 8
    /// Received: `d` says whether the session can be resumed.
    static let invalidSession = 9
    /// Received: the first payload, with `heartbeat_interval`.
    static let hello = 10
    /// Received: the answer to each heartbeat.
    static let heartbeatAck = 11
    /// Sent.
    static let requestSoundboardSounds = 31

    /// What a client may send; everything else is "Unknown opcode" (4001).
    static let clientOpcodes: Set<Int> = [heartbeat, identify, presenceUpdate, voiceStateUpdate, resume, requestGuildMembers, requestSoundboardSounds]
}
