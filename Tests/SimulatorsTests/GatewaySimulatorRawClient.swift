import BotTesting
import Foundation
import Glibc

/// A TCP client that writes exactly the bytes a test gives it, for what `WebSocketClient` will not
/// do: malformed handshakes, unmasked frames, and looking at the bytes of the first read.
final class GatewaySimulatorRawClient {
    private let descriptor: Int32

    init(port: UInt16) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else {
            close(descriptor)
            throw GatewayTestFailure("connect failed: errno \(errno)")
        }
    }

    deinit {
        close(descriptor)
    }

    func write(_ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let count = bytes[offset...].withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else { return }
            offset += count
        }
    }

    func write(_ text: String) {
        write(Array(text.utf8))
    }

    /// One `recv` after waiting up to `timeout` for data; empty at end of stream or timeout.
    func readOnce(timeout: Duration = .seconds(30)) -> [UInt8] {
        var descriptors = [pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)]
        guard poll(&descriptors, 1, Int32(timeout / .milliseconds(1))) > 0 else { return [] }
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
        return count > 0 ? Array(buffer[0..<count]) : []
    }

    /// Everything until the server closes the connection (or `timeout` passes).
    func readToEnd(timeout: Duration = .seconds(30)) -> [UInt8] {
        let deadline = ContinuousClock.now + timeout
        var all: [UInt8] = []
        while ContinuousClock.now < deadline {
            let chunk = readOnce(timeout: .seconds(5))
            if chunk.isEmpty { break }
            all += chunk
        }
        return all
    }

    static func upgradeRequest(query: String, headers: [String] = ["Upgrade: websocket", "Connection: Upgrade",
                                                                   "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==", "Sec-WebSocket-Version: 13"]) -> String {
        (["GET /?\(query) HTTP/1.1", "Host: 127.0.0.1"] + headers).joined(separator: "\r\n") + "\r\n\r\n"
    }
}
