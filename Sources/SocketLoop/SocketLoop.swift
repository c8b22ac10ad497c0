/// One thread that serves several sockets in one `poll`: the HTTP client's loop thread, which also
/// runs libcurl's transfers and the tasks that prefer it. A connection that attaches itself is
/// served on that thread, so an event it reads reaches a task there without waking another thread.
public protocol SocketLoop: Sendable {
    /// Hands `socket` to the loop thread, from any thread. If the loop has stopped, or stops later,
    /// it calls `loopStopped()` instead of serving it further.
    func attach(_ socket: any LoopSocket)
}

/// A connection a `SocketLoop` serves. Every method is called on the loop thread only.
public protocol LoopSocket: AnyObject, Sendable {
    /// The descriptors to poll and for what (`POLLIN`, `POLLOUT`), asked before each `poll`.
    var pollRequests: [PollRequest] { get }
    /// When `serve()` must run even if no descriptor is ready (a timeout), or nil.
    var deadline: ContinuousClock.Instant? { get }
    /// Reads, writes and acts on what is ready, without blocking; false once the connection is
    /// over (the loop then drops it).
    func serve() -> Bool
    /// The loop stopped: end the connection now, without the loop.
    func loopStopped()
}

/// One descriptor of a `LoopSocket`'s, and the `poll` events it waits for.
public struct PollRequest: Sendable, Equatable {
    public let descriptor: Int32
    public let events: Int16

    public init(descriptor: Int32, events: Int16) {
        self.descriptor = descriptor
        self.events = events
    }
}

/// The timeout to give `poll` so that it returns by `deadline`: whole milliseconds, rounded up so a
/// wake-up is never a moment early, 0 once the deadline has passed, and at most `limit`.
public func pollMilliseconds(until deadline: ContinuousClock.Instant, atMost limit: Int32 = .max) -> Int32 {
    let left = deadline - .now
    guard left > .zero else { return 0 }
    let milliseconds = left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000 + 1
    return Int32(clamping: min(milliseconds, Int64(limit)))
}
