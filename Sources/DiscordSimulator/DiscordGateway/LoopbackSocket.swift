import Glibc

/// The gateway simulator's only POSIX socket calls: a loopback listener on an ephemeral port, and
/// non-blocking reads and writes on accepted connections. Every call retries on EINTR; other
/// failures come back as values (`.closed`) because a simulator connection that fails simply ends.
///
/// Plain TCP only: TLS (wss://, the `h2` ALPN trap, docs/DISCORD.md#connection) is not simulated.
enum LoopbackSocket {
    enum Transfer: Equatable {
        case done(Int)
        case wouldBlock
        case closed
    }

    /// Binds 127.0.0.1 on a port the system picks and listens; returns the descriptor and the port.
    /// Calls `socket`, `setsockopt(SO_REUSEADDR)`, `bind`, `listen`, `getsockname`.
    static func listen() -> (descriptor: Int32, port: UInt16)? {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { return nil }
        var enabled: Int32 = 1
        _ = setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &enabled, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(descriptor, pointer, length) == 0 && Glibc.listen(descriptor, 64) == 0 && getsockname(descriptor, pointer, &length) == 0
            }
        }
        guard bound else {
            Glibc.close(descriptor)
            return nil
        }
        setNonBlocking(descriptor)
        return (descriptor, UInt16(bigEndian: address.sin_port))
    }

    /// Accepts one pending connection, non-blocking and without Nagle (the simulator writes small
    /// payloads that must not wait for the peer's delayed ACK). Calls `accept`.
    static func accept(from listener: Int32) -> Int32? {
        while true {
            let descriptor = Glibc.accept(listener, nil, nil)
            if descriptor >= 0 {
                setNonBlocking(descriptor)
                _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
                var enabled: Int32 = 1
                _ = setsockopt(descriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &enabled, socklen_t(MemoryLayout<Int32>.size))
                return descriptor
            }
            if errno == EINTR { continue }
            return nil
        }
    }

    /// Calls `recv`; 0 bytes (end of stream) and errors such as ECONNRESET are both `.closed`.
    static func receive(_ descriptor: Int32, into buffer: inout [UInt8]) -> Transfer {
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count > 0 { return .done(count) }
            if count == 0 { return .closed }
            switch errno {
            case EINTR: continue
            case EAGAIN, EWOULDBLOCK: return .wouldBlock
            default: return .closed
            }
        }
    }

    /// Calls `send` with MSG_NOSIGNAL, so a peer that went away is `.closed`, not a SIGPIPE.
    static func send(_ descriptor: Int32, _ bytes: ArraySlice<UInt8>) -> Transfer {
        while true {
            let count = bytes.withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if count >= 0 { return .done(count) }
            switch errno {
            case EINTR: continue
            case EAGAIN, EWOULDBLOCK: return .wouldBlock
            default: return .closed
            }
        }
    }

    /// Waits until one of `descriptors` is ready or `milliseconds` pass; returns the `revents`.
    static func wait(_ descriptors: [(Int32, Int16)], milliseconds: Int32) -> [Int16] {
        var polled = descriptors.map { pollfd(fd: $0.0, events: $0.1, revents: 0) }
        let result = poll(&polled, nfds_t(polled.count), milliseconds)
        return result > 0 ? polled.map(\.revents) : polled.map { _ in 0 }
    }

    static func close(_ descriptor: Int32) {
        _ = Glibc.close(descriptor)
    }

    /// Ends the TCP connection without a close frame, as a crashed server would.
    static func drop(_ descriptor: Int32) {
        _ = shutdown(descriptor, Int32(SHUT_RDWR))
        _ = Glibc.close(descriptor)
    }

    private static func setNonBlocking(_ descriptor: Int32) {
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
    }
}
