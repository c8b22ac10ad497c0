import SocketLoop

/// A connection served by a `SocketLoop`'s thread rather than a thread of its own: the same turns
/// (`WebSocketClient.Loop`), run when its socket or wake-up pipe is ready or its close times out.
/// Invariant: every property is touched only on the loop thread, the one caller of every method here.
final class LoopServedConnection: LoopSocket, @unchecked Sendable {
    private var loop: WebSocketClient.Loop
    /// What the loop asks before each of its polls, kept from the last turn: only a turn changes
    /// them, and reading them through `loop` would copy the whole connection state each time.
    private(set) var pollRequests: [PollRequest]
    private(set) var deadline: ContinuousClock.Instant?

    init(_ loop: WebSocketClient.Loop) {
        self.loop = loop
        pollRequests = loop.pollRequests
        deadline = loop.closeDeadline
    }

    func serve() -> Bool {
        let turn = loop.servedTurn()
        guard turn.isOpen else { return false }
        pollRequests = turn.pollRequests
        deadline = turn.deadline
        return true
    }

    func loopStopped() {
        loop.stop()
        loop.end()
    }
}
