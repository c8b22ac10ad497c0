public import WebSocket

/// One RESUME (op 6) and what the simulator did with it.
public struct ResumeRecord: Sendable, Equatable {
    public enum Outcome: Sendable, Equatable {
        /// The dispatches after `seq` were replayed (their `s`, in order), then RESUMED (its `s`).
        case resumed(replayed: [Int], resumedSequence: Int)
        /// Op 9 `false`: unknown, expired or ended session, or RESUME on the wrong port.
        case invalidSession(reason: String)
        case closed(CloseCode)
    }

    public let connectionID: Int
    public let port: GatewayConnectionRecord.Port
    public let sessionID: String?
    public let sequence: Int?
    /// Whether the query string equals the one the session identified with (docs/DISCORD.md#resume: reuse it).
    public let queryMatchesOriginal: Bool?
    public let outcome: Outcome
}
