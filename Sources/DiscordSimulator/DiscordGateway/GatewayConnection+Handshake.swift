import Glibc

extension GatewayConnection {
    /// The request head (before the blank line) and any bytes after it; nil when the client sends
    /// no complete head within 5 s or more than 16 KiB without one.
    func readRequestHead() -> (head: [UInt8], leftover: [UInt8])? {
        let deadline = ContinuousClock.now + .seconds(5)
        let terminator: [UInt8] = [13, 10, 13, 10]
        var received: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        while ContinuousClock.now < deadline, received.count <= 16 * 1024 {
            switch LoopbackSocket.receive(descriptor, into: &chunk) {
            case .done(let count):
                received += chunk[0..<count]
                if let end = received.firstRange(of: terminator) {
                    return (Array(received[..<end.lowerBound]), Array(received[end.upperBound...]))
                }
            case .wouldBlock:
                _ = LoopbackSocket.wait([(descriptor, Int16(POLLIN)), (outbox.wake.readEnd, Int16(POLLIN))], milliseconds: 100)
                if outbox.isStopped { return nil }
            case .closed:
                return nil
            }
        }
        return nil
    }
}
