import Foundation
import Glibc

/// Messages waiting for the connection's thread, and the pipe that wakes it from `poll`.
/// Every field is guarded by `lock`; the pipe's descriptors never change after `init`.
final class Outbox: @unchecked Sendable {
    private let lock = NSLock()
    private var queue: [WebSocketClient.Outgoing] = []
    private var isAccepting = true
    private(set) var isAbandoned = false
    let wakeReadEnd: Int32
    private let wakeWriteEnd: Int32
    private var isPipeOpen = true
    /// A byte is in the pipe, unread: one wakes the loop however many messages follow it, and
    /// the pipe is read only when there is something in it (a read that finds it empty is a
    /// syscall on every turn of the connection's loop for nothing).
    private var isWakePending = false

    init() throws(WebSocketError) {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { throw WebSocketError(.transport, "pipe failed: errno \(errno)") }
        for end in ends {
            _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
        }
        wakeReadEnd = ends[0]
        wakeWriteEnd = ends[1]
    }

    func append(_ message: WebSocketClient.Outgoing) throws(WebSocketError) {
        lock.lock()
        defer { lock.unlock() }
        guard isAccepting else { throw WebSocketError(.closed(code: nil, reason: ""), "the connection is closing") }
        if case .close = message { isAccepting = false }
        queue.append(message)
        wake()
    }

    /// The connection should drop at once (the consumer went away, or `abort()`).
    func abandon() {
        lock.withLock {
            isAccepting = false
            isAbandoned = true
            wake()
        }
    }

    func take() -> (messages: [WebSocketClient.Outgoing], isAbandoned: Bool) {
        lock.withLock {
            if isPipeOpen && isWakePending {
                // The one byte `wake()` wrote.
                var byte: UInt8 = 0
                if read(wakeReadEnd, &byte, 1) == 1 { isWakePending = false }
            }
            defer { queue.removeAll() }
            return (queue, isAbandoned)
        }
    }

    /// Refuses further messages once the connection has ended.
    func stopAccepting() {
        lock.withLock { isAccepting = false }
    }

    func closeWakePipe() {
        lock.withLock {
            guard isPipeOpen else { return }
            isPipeOpen = false
            Glibc.close(wakeReadEnd)
            Glibc.close(wakeWriteEnd)
        }
    }

    /// Called with `lock` held.
    private func wake() {
        guard isPipeOpen, !isWakePending else { return }
        var byte: UInt8 = 1
        isWakePending = write(wakeWriteEnd, &byte, 1) == 1
    }
}
