import Glibc

/// Turns on TCP_NODELAY for the listening socket on `port`, which accepted connections inherit on
/// Linux.
///
/// FlyingFox writes a response's head and body in separate `send`s and does not set TCP_NODELAY, so
/// on a kept-alive connection Nagle's algorithm holds the body until the client's delayed ACK
/// (about 40 ms), which made every simulated response take 40 ms. FlyingFox keeps its listening
/// socket to itself, so it is found by its bound port among this process's descriptors.
enum ListeningSocketTuning {
    static func disableNagle(onListenerAt port: UInt16) {
        for descriptor in Int32(0)..<4096 {
            var listening: Int32 = 0
            var length = socklen_t(MemoryLayout<Int32>.size)
            guard getsockopt(descriptor, SOL_SOCKET, SO_ACCEPTCONN, &listening, &length) == 0, listening == 1 else { continue }
            var address = sockaddr_in()
            var addressLength = socklen_t(MemoryLayout<sockaddr_in>.size)
            let found = withUnsafeMutablePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &addressLength) }
            }
            guard found == 0, address.sin_family == sa_family_t(AF_INET), UInt16(bigEndian: address.sin_port) == port else { continue }
            var enabled: Int32 = 1
            _ = setsockopt(descriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &enabled, socklen_t(MemoryLayout<Int32>.size))
            return
        }
    }
}
