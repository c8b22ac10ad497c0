public import SimulatorSupport
public import WebSocket

/// One IDENTIFY (op 2) and what the simulator did with it.
public struct IdentifyRecord: Sendable, Equatable {
    public enum Outcome: Sendable, Equatable {
        /// READY was sent; a session started.
        case ready(sessionID: String)
        /// Op 9 `false`: too many IDENTIFYs in the 5 s window of the bucket, or no session starts left.
        case invalidSession(reason: String)
        /// The connection was closed with this code (4002, 4004, 4005, 4010, 4011, 4013, 4014).
        case closed(CloseCode)
    }

    public let connectionID: Int
    /// `d` as sent. Holds the token: this is a simulator's record, never logged.
    public let data: SimulatorJSON
    public let intents: Int?
    /// `[shard_id, num_shards]`, when sent.
    public let shard: [Int]?
    public let outcome: Outcome
}
