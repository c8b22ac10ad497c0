/// Counts events in a sliding window: the global per-second limit (docs/DISCORD.md#global-limit) and the invalid-request
/// limit (docs/DISCORD.md#invalid-requests). A log of instants rather than fixed windows, so no burst straddles a boundary.
struct SlidingWindowCounter<Instant: InstantProtocol<Duration>> {
    let window: Duration
    private var events: [Instant] = []
    private var start = 0                    // events before `start` have left the window

    init(window: Duration) {
        self.window = window
    }

    mutating func count(at now: Instant) -> Int {
        prune(now)
        return events.count - start
    }

    mutating func record(at now: Instant) {
        prune(now)
        events.append(now)
    }

    /// When the count drops below `limit`, or nil if it already is.
    mutating func opening(limit: Int, at now: Instant) -> Instant? {
        let count = count(at: now)
        guard count >= limit else { return nil }
        return events[start + count - limit].advanced(by: window)
    }

    private mutating func prune(_ now: Instant) {
        while start < events.count, events[start].advanced(by: window) <= now { start += 1 }
        if start > 64, start * 2 > events.count {
            events.removeFirst(start)
            start = 0
        }
    }
}
