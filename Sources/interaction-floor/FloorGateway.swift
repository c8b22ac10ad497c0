import Discord
import Foundation
import Glibc
import WebSocket

/// The gateway connection of the floor: a plain TCP socket (the simulator listens on loopback
/// without TLS), the project's WebSocket framing and zlib-stream inflater, and nothing else: no
/// thread of its own, no queue. `next` blocks in `poll` until a payload is complete or a
/// heartbeat is due, and returns it.
struct FloorGateway {
    private let socket: Int32
    private var parser = FrameParser(role: .client, maximumPayloadSize: 16 * 1024 * 1024)
    private let inflater: ZlibStreamInflater
    private var generator = SystemRandomNumberGenerator()
    private var readBuffer = [UInt8](repeating: 0, count: 64 * 1024)
    private var heartbeatInterval: Duration?
    private var nextHeartbeat = ContinuousClock.now
    private(set) var lastSequence: Int?

    init(url: URL) throws {
        guard let host = url.host, let port = url.port else { throw FloorError("the gateway URL \(url) has no host and port") }
        socket = try Self.connect(host: host, port: port)
        inflater = try ZlibStreamInflater()
        var generator = SystemRandomNumberGenerator()
        let handshake = Handshake(using: &generator)
        let target = (url.path.isEmpty ? "/" : url.path) + (url.query.map { "?\($0)" } ?? "")
        try Self.write(handshake.request(host: "\(host):\(port)", path: target), to: socket)
        var received: [UInt8] = []
        while true {
            let count = try Self.read(socket, into: &readBuffer)
            received += readBuffer[0..<count]
            if let leftover = try handshake.validateResponse(received) {
                parser.append(leftover)
                break
            }
        }
    }

    /// The next payload, answering heartbeats on the way.
    mutating func next() throws -> (PayloadScan, [UInt8]) {
        while true {
            while let frame = try parser.nextFrame() {
                switch frame.opcode {
                case .binary, .text, .continuation:
                    guard let payload = try inflater.push(frame.payload) else { continue }
                    let scan = PayloadScan(payload)
                    if let sequence = scan.sequence { lastSequence = sequence }
                    if scan.op == 10, let interval = scan.data["heartbeat_interval"].flatMap({ Int($0) }) {
                        heartbeatInterval = .milliseconds(interval)
                        nextHeartbeat = .now + .milliseconds(interval)
                    }
                    return (scan, payload)
                case .ping:
                    try sendFrame(.pong, frame.payload)
                case .close:
                    throw FloorError("the gateway closed the connection")
                case .pong:
                    continue
                }
            }
            if let heartbeatInterval, ContinuousClock.now >= nextHeartbeat {
                try send(#"{"op":1,"d":\#(lastSequence.map(String.init) ?? "null")}"#)
                nextHeartbeat = .now + heartbeatInterval
            }
            let wait = heartbeatInterval == nil ? 1000 : max(0, Int((nextHeartbeat - .now).components.seconds * 1000) + 1)
            var descriptor = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, Int32(min(wait, 1000))) > 0 else { continue }
            let count = try Self.read(socket, into: &readBuffer)
            parser.append(readBuffer[0..<count])
        }
    }

    mutating func send(_ text: String) throws {
        try sendFrame(.text, Array(text.utf8))
    }

    private mutating func sendFrame(_ opcode: Opcode, _ payload: [UInt8]) throws {
        let key = FrameEncoder.makeMaskingKey(using: &generator)
        try Self.write(FrameEncoder.encode(Frame(opcode: opcode, payload: payload), maskingKey: key), to: socket)
    }

    private static func connect(host: String, port: Int) throws -> Int32 {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var found: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &found) == 0, let address = found else {
            throw FloorError("cannot resolve \(host)")
        }
        defer { freeaddrinfo(found) }
        let descriptor = Glibc.socket(address.pointee.ai_family, address.pointee.ai_socktype, address.pointee.ai_protocol)
        guard descriptor >= 0, Glibc.connect(descriptor, address.pointee.ai_addr, address.pointee.ai_addrlen) == 0 else {
            throw FloorError("cannot connect to \(host):\(port): errno \(errno)")
        }
        var noDelay: Int32 = 1
        setsockopt(descriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &noDelay, socklen_t(MemoryLayout<Int32>.size))
        return descriptor
    }

    private static func read(_ socket: Int32, into buffer: inout [UInt8]) throws -> Int {
        let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { throw FloorError("the gateway connection ended (errno \(errno))") }
        return count
    }

    private static func write(_ bytes: [UInt8], to socket: Int32) throws {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes { buffer in
                buffer.baseAddress.map { Glibc.send(socket, $0 + offset, buffer.count - offset, Int32(MSG_NOSIGNAL)) } ?? 0
            }
            guard sent > 0 else { throw FloorError("cannot write to the gateway (errno \(errno))") }
            offset += sent
        }
    }
}

struct FloorError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
