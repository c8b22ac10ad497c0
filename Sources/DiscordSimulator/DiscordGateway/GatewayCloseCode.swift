public import WebSocket

/// Discord's gateway close codes (docs/DISCORD.md#close-codes; Discord's documentation, "Opcodes and Status Codes"), as
/// `CloseCode`s so that tests can compare them with what the client's `WebSocketEvent.close` holds.
/// `reason` is the text Discord puts in the close frame.
public enum GatewayCloseCode {
    public static let unknownError = CloseCode(rawValue: 4000)
    public static let unknownOpcode = CloseCode(rawValue: 4001)
    public static let decodeError = CloseCode(rawValue: 4002)
    public static let notAuthenticated = CloseCode(rawValue: 4003)
    public static let authenticationFailed = CloseCode(rawValue: 4004)
    public static let alreadyAuthenticated = CloseCode(rawValue: 4005)
    public static let invalidSequence = CloseCode(rawValue: 4007)
    public static let rateLimited = CloseCode(rawValue: 4008)
    public static let sessionTimedOut = CloseCode(rawValue: 4009)
    public static let invalidShard = CloseCode(rawValue: 4010)
    public static let shardingRequired = CloseCode(rawValue: 4011)
    public static let invalidAPIVersion = CloseCode(rawValue: 4012)
    public static let invalidIntents = CloseCode(rawValue: 4013)
    public static let disallowedIntents = CloseCode(rawValue: 4014)

    /// Discord's reason text for a code; empty for codes it does not describe.
    public static func reason(for code: CloseCode) -> String {
        switch code.rawValue {
        case 4000: "Unknown error."
        case 4001: "Unknown opcode."
        case 4002: "Decode error."
        case 4003: "Not authenticated."
        case 4004: "Authentication failed."
        case 4005: "Already authenticated."
        case 4007: "Invalid seq."
        case 4008: "Rate limited."
        case 4009: "Session timed out."
        case 4010: "Invalid shard."
        case 4011: "Sharding required."
        case 4012: "Invalid API version."
        case 4013: "Invalid intent(s)."
        case 4014: "Disallowed intent(s)."
        default: ""
        }
    }

    /// Whether a server close with this code ends the session, so that a later RESUME gets op 9
    /// `false`: 4007 and 4009 ask for a new session (docs/DISCORD.md#close-codes), and the fatal codes end
    /// everything. 1000, 1001 and 4000 from the server leave the session resumable.
    static func endsSession(_ code: CloseCode) -> Bool {
        switch code.rawValue {
        case 4004, 4007, 4009...4014: true
        default: false
        }
    }
}
