import Glibc
import SocketLoop

/// Sends the Upgrade request and reads the answer, blocking on the connection's thread.
enum HandshakeExchange {
    /// Returns the bytes that arrived after the response head: already frames (the gateway's HELLO
    /// often shares a TCP segment with the 101).
    static func perform(_ handshake: Handshake, request: [UInt8], on socket: CurlSocket, timeoutSeconds: Int) throws(WebSocketError) -> [UInt8] {
        let deadline = ContinuousClock.now + .seconds(timeoutSeconds)
        var offset = 0
        while offset < request.count {
            let result = try request[offset...].withContiguousStorageIfAvailable { buffer in
                Result { () throws(WebSocketError) in try socket.send(UnsafeRawBufferPointer(buffer)) }
            }?.get() ?? .closed
            switch result {
            case .done(let count): offset += count
            case .wouldBlock: try wait(for: Int16(POLLOUT), on: socket, until: deadline)
            case .closed: throw WebSocketError(.handshakeFailed, "the server closed the connection during the handshake")
            }
        }
        var received: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            let result = try chunk.withUnsafeMutableBytes { buffer in
                Result { () throws(WebSocketError) in try socket.receive(into: buffer) }
            }.get()
            switch result {
            case .done(let count):
                received.append(contentsOf: chunk[0..<count])
                if let leftover = try handshake.validateResponse(received) { return leftover }
            case .wouldBlock:
                try wait(for: Int16(POLLIN), on: socket, until: deadline)
            case .closed:
                throw WebSocketError(.handshakeFailed, "the server closed the connection during the handshake")
            }
        }
    }

    private static func wait(for events: Int16, on socket: CurlSocket, until deadline: ContinuousClock.Instant) throws(WebSocketError) {
        let timeout = pollMilliseconds(until: deadline)
        guard timeout > 0 else { throw WebSocketError(.handshakeFailed, "no answer to the Upgrade request in time") }
        var descriptor = pollfd(fd: socket.descriptor, events: events, revents: 0)
        _ = poll(&descriptor, 1, timeout)
    }
}
