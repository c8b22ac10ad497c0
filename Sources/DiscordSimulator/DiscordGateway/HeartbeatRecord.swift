/// One heartbeat (op 1) from a client, with the auditor's verdict (docs/DISCORD.md#heartbeats).
///
/// Timing: the first heartbeat is due within `[0, interval]` of HELLO (plus the tolerance for
/// scheduling slack); each later regular one `interval ± tolerance` after the previous regular one.
/// A heartbeat that follows the server's op 1 answers it and is judged only on promptness
/// (within the tolerance); it does not move the regular schedule, as twilight and discord.py keep it.
/// Sequence: `d` must be the last `s` the server sent on this connection (null before any); a
/// value that was current less than `tolerance` ago also passes, since a dispatch can cross a
/// heartbeat on the wire.
public struct HeartbeatRecord: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case first
        case regular
        /// The answer to the server's op 1.
        case requested
    }

    public let connectionID: Int
    public let kind: Kind
    /// Time since HELLO was written.
    public let elapsed: Duration
    /// For `.regular`: time since the previous first or regular heartbeat.
    public let sincePrevious: Duration?
    /// `d` as sent.
    public let sequence: Int?
    /// The last `s` sent on the connection when the heartbeat arrived; for a heartbeat before
    /// RESUME, the `seq` that the RESUME later named.
    public internal(set) var expectedSequence: Int?
    public internal(set) var isSequenceCorrect: Bool
    public let isOnTime: Bool
    /// False while the scenario `.dropHeartbeatACKs` is on.
    public let wasAcknowledged: Bool
}
