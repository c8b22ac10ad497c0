import Foundation

/// A gateway session: what IDENTIFY starts and RESUME continues. Keeps every dispatch it was sent,
/// so a RESUME from any `seq` can be replayed (Discord keeps a bounded buffer; the simulator's is
/// unbounded, which is kinder than Discord only for clients that resume from very old sequences).
struct SimulatedSession {
    let id: String
    let intents: Int
    let shard: [Int]?
    /// The query the session identified with; a RESUME should reuse it.
    let rawQuery: String
    var replay: [(sequence: Int, bytes: [UInt8])] = []
    var lastSequence = 0
    /// The connection dispatches go to; nil while disconnected.
    var connectionID: Int?
    /// When the session lost its connection; it expires `resumeWindow` later.
    var detachedAt: Date?
    /// Why the session can no longer be resumed (op 9 false, 1000/1001 from the client, 4007, ...).
    var endedBecause: String?

    init(id: String, intents: Int, shard: [Int]?, rawQuery: String) {
        self.id = id
        self.intents = intents
        self.shard = shard
        self.rawQuery = rawQuery
    }

    static func makeID() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(UInt8.random(in: 0...15, using: &generator), radix: 16) }.joined()
    }
}
