import CCurl
import SocketLoop

/// Connections served by the loop thread beside libcurl's transfers, in the same `poll`: the
/// gateway's WebSocket, whose events then reach the tasks on this thread without waking another.
extension TransferLoop: SocketLoop {
    func attach(_ socket: any LoopSocket) {
        let accepted = shared.withLock { shared in
            guard !shared.isStopping else { return false }
            shared.inbox.append(.attach(socket))
            return true
        }
        guard accepted else {
            socket.loopStopped()
            return
        }
        wakeUnlessOnLoop()
    }

    /// Polls libcurl's sockets and the attached ones (for at most `milliseconds`, less when one of
    /// them has a deadline sooner), then serves each attached one that is ready or due. Runs every
    /// turn of the loop, so it allocates nothing once `waits` has grown.
    func pollAndServeSockets(milliseconds: Int32) {
        guard !sockets.isEmpty else { return multi.poll(milliseconds: milliseconds) }
        waits.removeAll(keepingCapacity: true)
        var earliest: ContinuousClock.Instant?
        for socket in sockets {
            for request in socket.pollRequests {
                waits.append(curl_waitfd(fd: request.descriptor, events: request.events, revents: 0))
            }
            if let deadline = socket.deadline { earliest = min(earliest ?? deadline, deadline) }
        }
        let timeout = earliest.map { pollMilliseconds(until: $0, atMost: milliseconds) } ?? milliseconds
        multi.poll(milliseconds: timeout, extra: &waits)
        let now = earliest == nil ? nil : ContinuousClock.now
        var first = 0
        var index = 0
        while index < sockets.count {
            let socket = sockets[index]
            let end = first + socket.pollRequests.count
            let isReady = waits[first..<end].contains { $0.revents != 0 }
            first = end
            let isDue = now.flatMap { now in socket.deadline.map { $0 <= now } } ?? false
            if (isReady || isDue) && !socket.serve() {
                sockets.remove(at: index)
            } else {
                index += 1
            }
        }
    }

    /// The loop is stopping: every attached connection ends without it.
    func stopSockets() {
        for socket in sockets { socket.loopStopped() }
        sockets.removeAll()
    }
}
