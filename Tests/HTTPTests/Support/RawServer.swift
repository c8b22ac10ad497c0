import Foundation
import Glibc

/// What a `RawServer` does with each request head it reads.
enum RawBehaviour: Sendable {
    /// Closes with `SO_LINGER` 0, so the client sees a TCP reset instead of a response.
    case reset
    /// Announces a 1000-byte body, sends 500 bytes, and closes.
    case truncatedBody
    /// Closes without answering.
    case closeWithoutResponse
    /// Answers `hello` and keeps the connection open for the next request.
    case hello
    /// Answers `count` zero bytes from one fixed 256 KiB buffer, with `Content-Length`.
    case zeros(count: Int)
}

/// A raw TCP server on an ephemeral loopback port: for the faults a well-behaved server library
/// cannot produce, and for bulk and keep-alive traffic where FlyingFox (no `TCP_NODELAY`, about
/// 45 ms per kept-alive response and under 1 MB/s here in a debug build, with the curl CLI as
/// well) would measure itself rather than the client.
///
/// Invariant: the listening descriptor is only closed by `stop()`, after `shutdown(2)` has woken
/// the accept thread; each accepted descriptor belongs to its own connection thread.
final class RawServer: Sendable {
    let port: UInt16
    private let listener: Int32

    init(_ behaviour: RawBehaviour) throws {
        let fd = try Self.boundSocket()
        guard listen(fd, 256) == 0 else {
            close(fd)
            throw RawServerError.socket(errno)
        }
        listener = fd
        port = Self.localPort(of: fd)
        Thread { Self.acceptLoop(listener: fd, behaviour: behaviour) }.start()
    }

    var baseURL: String { "http://127.0.0.1:\(port)" }

    func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    /// A loopback port with nothing listening: bound to learn a free number, then closed.
    static func closedPort() throws -> UInt16 {
        let fd = try boundSocket()
        defer { close(fd) }
        return localPort(of: fd)
    }

    private static func boundSocket() throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw RawServerError.socket(errno) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0 else {
            close(fd)
            throw RawServerError.socket(errno)
        }
        return fd
    }

    private static func localPort(of fd: Int32) -> UInt16 {
        var address = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return UInt16(bigEndian: address.sin_port)
    }

    private static func acceptLoop(listener: Int32, behaviour: RawBehaviour) {
        while true {
            let fd = accept(listener, nil, nil)
            if fd < 0 {
                if errno == EINTR || errno == ECONNABORTED { continue }
                return
            }
            var on: Int32 = 1
            setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &on, socklen_t(MemoryLayout<Int32>.size))
            Thread { serve(fd, behaviour: behaviour) }.start()
        }
    }

    private static func serve(_ fd: Int32, behaviour: RawBehaviour) {
        defer { close(fd) }
        var pending: [UInt8] = []
        while readRequestHead(fd, into: &pending) {
            switch behaviour {
            case .reset:
                var option = linger(l_onoff: 1, l_linger: 0)
                setsockopt(fd, SOL_SOCKET, SO_LINGER, &option, socklen_t(MemoryLayout<linger>.size))
                return
            case .truncatedBody:
                _ = sendAll(fd, Array("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n".utf8) + Array(repeating: 120, count: 500))
                return
            case .closeWithoutResponse:
                return
            case .hello:
                guard sendAll(fd, Array("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello".utf8)) else { return }
            case .zeros(let count):
                guard sendAll(fd, Array("HTTP/1.1 200 OK\r\nContent-Length: \(count)\r\n\r\n".utf8)) else { return }
                let chunk = [UInt8](repeating: 0, count: 256 * 1024)
                var remaining = count
                while remaining > 0 {
                    let size = min(remaining, chunk.count)
                    guard chunk.withUnsafeBufferPointer({ sendAll(fd, UnsafeBufferPointer(rebasing: $0[..<size])) }) else { return }
                    remaining -= size
                }
            }
        }
    }

    /// Reads until a blank line ends a request head, keeping any bytes after it for the next one.
    /// False when the peer closed or failed.
    private static func readRequestHead(_ fd: Int32, into pending: inout [UInt8]) -> Bool {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            if let end = headEnd(in: pending) {
                pending.removeSubrange(..<end)
                return true
            }
            guard pending.count < 65536 else { return false }
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { return false }
            pending.append(contentsOf: buffer[..<count])
        }
    }

    private static func headEnd(in bytes: [UInt8]) -> Int? {
        guard bytes.count >= 4 else { return nil }
        for index in 3..<bytes.count
        where bytes[index - 3] == 13 && bytes[index - 2] == 10 && bytes[index - 1] == 13 && bytes[index] == 10 {
            return index + 1
        }
        return nil
    }

    private static func sendAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { sendAll(fd, $0) }
    }

    private static func sendAll(_ fd: Int32, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        var offset = 0
        while offset < bytes.count {
            let sent = send(fd, base + offset, bytes.count - offset, Int32(MSG_NOSIGNAL))
            if sent < 0 && errno == EINTR { continue }
            if sent <= 0 { return false }
            offset += sent
        }
        return true
    }
}

enum RawServerError: Error {
    case socket(Int32)
}
