import Foundation
import Glibc
import WebSocket

/// A one-connection WebSocket server on loopback that plays a script written by the test, with
/// blocking sockets on a thread of its own: it can do what a well-behaved server never would
/// (mask its frames, drop the TCP connection, put a frame in the same write as the 101).
final class ScriptedServer: @unchecked Sendable {
    let port: UInt16
    private let listener: Int32

    /// The accepted connection, as the script sees it.
    final class Connection {
        let descriptor: Int32
        var parser = FrameParser(role: .server, maximumPayloadSize: 1 << 24)

        init(descriptor: Int32) {
            self.descriptor = descriptor
        }

        func write(_ bytes: [UInt8]) {
            var offset = 0
            while offset < bytes.count {
                let written = bytes[offset...].withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                guard written > 0 else { return }
                offset += written
            }
        }

        func send(_ frame: Frame, maskingKey: [UInt8]? = nil) {
            write(FrameEncoder.encode(frame, maskingKey: maskingKey))
        }

        /// The next frame from the client, or nil when it closed the connection.
        func readFrame() -> Frame? {
            var chunk = [UInt8](repeating: 0, count: 65_536)
            while true {
                if let frame = try? parser.nextFrame() { return frame }
                let count = recv(descriptor, &chunk, chunk.count, 0)
                guard count > 0 else { return nil }
                parser.append(chunk[0..<count])
            }
        }

        /// Drops the connection without a close frame.
        func drop() {
            Glibc.close(descriptor)
        }
    }

    /// Listens on a port the kernel picks. Linux may pick a port that an outgoing connection of
    /// this machine already uses as its local port, which `bind` allows and `listen` then refuses
    /// (EADDRINUSE): a fresh socket gets another port, so a few are tried.
    init() throws {
        var lastError = EADDRINUSE
        for _ in 0..<10 {
            let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            address.sin_port = 0
            let bound = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            guard bound == 0, listen(descriptor, 1) == 0 else {
                lastError = errno
                Glibc.close(descriptor)
                continue
            }
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            _ = withUnsafeMutablePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
            }
            listener = descriptor
            port = UInt16(bigEndian: address.sin_port)
            return
        }
        throw POSIXError(POSIXErrorCode(rawValue: lastError) ?? .EADDRINUSE)
    }

    var url: URL { URL(string: "ws://127.0.0.1:\(port)/?v=10&encoding=json") ?? URL(fileURLWithPath: "/") }

    /// What a script returned, once its connection is done.
    struct Served<Result: Sendable>: Sendable {
        let outcome: AsyncStream<Result?>

        var value: Result? {
            get async {
                for await result in outcome { return result }
                return nil
            }
        }
    }

    /// Accepts one connection, answers the Upgrade (with `framesAfter101` in the same write), then
    /// runs `script`; `value` is what the script returns. The server's thread starts before this
    /// returns, not when a task gets its turn: on a loaded machine a child task can wait longer
    /// than the client's handshake timeout for a cooperative thread.
    func serve<Result: Sendable>(framesAfter101: [Frame] = [], _ script: @escaping @Sendable (Connection) -> Result) -> Served<Result> {
        let (outcome, continuation) = AsyncStream<Result?>.makeStream(bufferingPolicy: .bufferingNewest(1))
        Thread { [self] in
            defer { Glibc.close(listener) }
            let descriptor = accept(listener, nil, nil)
            guard descriptor >= 0 else { return continuation.finish(with: nil) }
            let connection = Connection(descriptor: descriptor)
            var request: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: 4096)
            while request.firstRange(of: [13, 10, 13, 10]) == nil {
                let count = recv(descriptor, &chunk, chunk.count, 0)
                guard count > 0 else { return continuation.finish(with: nil) }
                request.append(contentsOf: chunk[0..<count])
            }
            let head = String(decoding: request, as: UTF8.self)
            let key = head.split(separator: "\r\n").first { $0.lowercased().hasPrefix("sec-websocket-key:") }
                .map { $0.dropFirst("sec-websocket-key:".count).trimmingCharacters(in: .whitespaces) } ?? ""
            let response = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: \(Handshake.acceptValue(for: key))\r\n\r\n"
            connection.write(Array(response.utf8) + framesAfter101.flatMap { FrameEncoder.encode($0, maskingKey: nil) })
            let result = script(connection)
            Glibc.close(descriptor)
            continuation.finish(with: result)
        }.start()
        return Served(outcome: outcome)
    }
}

private extension AsyncStream.Continuation where Element: Sendable {
    func finish(with value: Element) {
        yield(value)
        finish()
    }
}
