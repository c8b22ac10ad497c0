public import Foundation
import Glibc
public import Logging
public import SocketLoop

/// An RFC 6455 client connection over libcurl: frames in and out, pings answered, the close
/// handshake both ways, protocol violations closed with the code the RFC asks for.
///
/// One thread per connection owns the socket, the parser and the assembler (`Loop`); other threads
/// only append to the outbox under `lock` and wake the loop through a pipe. Received messages go to
/// `events` without back-pressure on the socket, so a slow consumer never stops pings and pongs.
public final class WebSocketClient: Sendable {
    public struct Configuration: Sendable {
        /// Largest message accepted, across fragments; larger ones close the connection with 1009.
        public var maximumMessageSize = 64 * 1024 * 1024
        public var connectTimeoutSeconds = 10
        /// How long to wait for the peer's close frame after sending ours.
        public var closeTimeout: Duration = .seconds(5)
        /// An extra CA bundle for wss:// (`TLS_CA_FILE`); verification itself is never turned off.
        public var caFile: String?
        /// Extra request headers for the Upgrade (e.g. a User-Agent).
        public var headers: [(String, String)] = []
        /// A loop thread to serve the connection once it is open (the HTTP client's), instead of a
        /// thread of its own: its events then reach the tasks that run on that thread without a
        /// wake-up of another. The opening handshake still runs on a thread of its own.
        public var loop: (any SocketLoop)?

        public init() {}
    }

    /// What the application can ask the connection to send.
    public enum Outgoing: Sendable {
        case text(String)
        case binary([UInt8])
        case ping([UInt8])
        case close(CloseCode, reason: String)
    }

    public let events: AsyncThrowingStream<WebSocketEvent, any Error>
    private let outbox: Outbox

    /// Connects, performs the opening handshake, and starts the connection's thread.
    public static func connect(to url: URL, configuration: Configuration = Configuration(), logger: Logger) async throws -> WebSocketClient {
        guard let scheme = url.scheme?.lowercased(), scheme == "ws" || scheme == "wss", let host = url.host else {
            throw WebSocketError(.handshakeFailed, "expected a ws:// or wss:// URL")
        }
        let outbox = try Outbox()
        let (events, continuation) = AsyncThrowingStream<WebSocketEvent, any Error>.makeStream()
        continuation.onTermination = { [outbox] _ in outbox.abandon() }
        let requestTarget = (url.path.isEmpty ? "/" : url.path) + (url.query.map { "?\($0)" } ?? "")
        let hostHeader = url.port.map { "\(host):\($0)" } ?? host
        return try await withCheckedThrowingContinuation { (ready: CheckedContinuation<WebSocketClient, any Error>) in
            let thread = Thread {
                let socket: CurlSocket
                let leftover: [UInt8]
                do {
                    socket = try CurlSocket.connect(to: url, caFile: configuration.caFile, connectTimeoutSeconds: configuration.connectTimeoutSeconds)
                    var generator = SystemRandomNumberGenerator()
                    let handshake = Handshake(using: &generator)
                    leftover = try HandshakeExchange.perform(
                        handshake, request: handshake.request(host: hostHeader, path: requestTarget, headers: configuration.headers),
                        on: socket, timeoutSeconds: configuration.connectTimeoutSeconds
                    )
                } catch {
                    outbox.closeWakePipe()
                    continuation.finish()
                    ready.resume(throwing: error)
                    return
                }
                ready.resume(returning: WebSocketClient(events: events, outbox: outbox))
                var loop = Loop(socket: socket, outbox: outbox, events: continuation, configuration: configuration, logger: logger,
                                initialBytes: leftover)
                if let socketLoop = configuration.loop {
                    socketLoop.attach(LoopServedConnection(loop))
                } else {
                    loop.run()
                }
            }
            thread.name = "websocket"
            thread.start()
        }
    }

    private init(events: AsyncThrowingStream<WebSocketEvent, any Error>, outbox: Outbox) {
        self.events = events
        self.outbox = outbox
    }

    /// Queues a message; throws once the connection is closing or closed.
    public func send(_ message: Outgoing) throws(WebSocketError) {
        try outbox.append(message)
    }

    /// Starts the close handshake; `events` ends once the peer answers (or the timeout passes).
    public func close(_ code: CloseCode = .normal, reason: String = "") {
        try? outbox.append(.close(code, reason: reason))
    }

    /// Drops the TCP connection without a close frame, as a crashed peer would; for tests and for
    /// connections that stopped answering.
    public func abort() {
        outbox.abandon()
    }
}
