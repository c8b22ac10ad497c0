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
    /// them has a deadline sooner), then serves each attached one that is ready or due.
    func pollAndServeSockets(milliseconds: Int32) {
        guard !sockets.isEmpty else { return multi.poll(milliseconds: milliseconds) }
        waits.removeAll(keepingCapacity: true)
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(sockets.count)
        var timeout = milliseconds
        let now = ContinuousClock.now
        for socket in sockets {
            let start = waits.count
            for request in socket.pollRequests {
                waits.append(curl_waitfd(fd: request.descriptor, events: request.events, revents: 0))
            }
            ranges.append(start..<waits.count)
            if let deadline = socket.deadline {
                let left = deadline - now
                timeout = min(timeout, left <= .zero ? 0 : Int32(clamping: left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000 + 1))
            }
        }
        multi.poll(milliseconds: timeout, extra: &waits)
        let served = ContinuousClock.now
        var kept: [any LoopSocket] = []
        kept.reserveCapacity(sockets.count)
        for (index, socket) in sockets.enumerated() {
            let isReady = waits[ranges[index]].contains { $0.revents != 0 }
            let isDue = socket.deadline.map { $0 <= served } ?? false
            if (isReady || isDue) && !socket.serve() { continue }
            kept.append(socket)
        }
        sockets = kept
    }

    /// The loop is stopping: every attached connection ends without it.
    func stopSockets() {
        for socket in sockets { socket.loopStopped() }
        sockets.removeAll()
    }
}
