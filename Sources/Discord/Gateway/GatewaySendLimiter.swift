/// Discord disconnects a connection that sends more than 120 payloads in 60 s (4008). Heartbeats
/// must never wait, so they bypass this limiter, and it keeps enough of the 120 for them
/// (docs/DISCORD.md#heartbeats, #send-limit): ordinary sends get `120 − (60 s / interval + 1)` per window.
public struct GatewaySendLimiter: Sendable {
    public static let limit = 120
    public static let window: Duration = .seconds(60)

    private var sent: [Duration] = []
    private let allowance: Int

    public init(heartbeatInterval: Duration) {
        let beats = Int((Self.window / heartbeatInterval).rounded(.up)) + 1
        allowance = max(1, Self.limit - beats)
    }

    /// When an ordinary payload may go: `now` if the window has room, else when the oldest leaves.
    /// Times are the session clock's `elapsed` readings.
    public mutating func reserve(at now: Duration) -> Duration {
        sent.removeAll { $0 <= now - Self.window }
        let slot = sent.count < allowance ? now : sent[sent.count - allowance] + Self.window
        sent.append(slot)
        return slot
    }
}
