import SocketLoop

/// A connection served by a `SocketLoop`'s thread rather than a thread of its own: the same turns
/// (`WebSocketClient.Loop`), run when its socket or wake-up pipe is ready or its close times out.
/// Invariant: `loop` is touched only on the loop thread, the one caller of every method here.
final class LoopServedConnection: LoopSocket, @unchecked Sendable {
    private var loop: WebSocketClient.Loop

    init(_ loop: WebSocketClient.Loop) {
        self.loop = loop
    }

    var pollRequests: [PollRequest] { loop.pollRequests }

    var deadline: ContinuousClock.Instant? { loop.closeDeadline }

    func serve() -> Bool {
        guard loop.turn() else {
            loop.end()
            return false
        }
        return true
    }

    func loopStopped() {
        loop.stop()
        loop.end()
    }
}
