import Foundation

/// Work waiting for one connection's thread, and the pipe that wakes it. Any thread appends (the
/// simulator does so while holding its world lock, which fixes the order of sequenced payloads);
/// only the connection's thread takes. Every field is guarded by `lock`.
final class ConnectionOutbox: @unchecked Sendable {
    private let lock = NSLock()
    private var queue: [OutboundItem] = []
    private var stopped = false
    let wake: WakePipe

    init?() {
        guard let wake = WakePipe() else { return nil }
        self.wake = wake
    }

    func append(_ item: OutboundItem) {
        lock.withLock { queue.append(item) }
        wake.signal()
    }

    /// The simulator is stopping: the thread closes its socket and ends.
    func stop() {
        lock.withLock { stopped = true }
        wake.signal()
    }

    var isStopped: Bool {
        lock.withLock { stopped }
    }

    func take() -> (items: [OutboundItem], isStopped: Bool) {
        wake.drain()
        return lock.withLock {
            defer { queue.removeAll() }
            return (queue, stopped)
        }
    }
}
