import Foundation
import Glibc
import Logging
import SocketLoop

extension WebSocketClient {
    /// The connection's thread: reads until curl says "again" (TLS may hold decrypted bytes that
    /// `poll` cannot see), turns frames into events, answers pings, writes what the outbox holds, and
    /// sleeps in `poll` on the socket and the wake-up pipe.
    struct Loop {
        let socket: CurlSocket
        let outbox: Outbox
        let events: AsyncThrowingStream<WebSocketEvent, any Error>.Continuation
        let configuration: Configuration
        let logger: Logger
        private var parser: FrameParser
        private var assembler: MessageAssembler
        private var output: [UInt8] = []
        /// Made once: a fresh 64 KiB buffer per read was zeroed on every wake-up, 6 % of the bot's
        /// instructions per interaction.
        private var readBuffer = [UInt8](repeating: 0, count: 64 * 1024)
        private var outputOffset = 0
        private var generator = SystemRandomNumberGenerator()
        private var closeSentAt: ContinuousClock.Instant?
        private var closeReceived = false
        private var peerEndedStream = false

        /// `initialBytes`: what arrived after the handshake's response, the first frames.
        init(socket: CurlSocket, outbox: Outbox, events: AsyncThrowingStream<WebSocketEvent, any Error>.Continuation, configuration: Configuration, logger: Logger,
             initialBytes: [UInt8]) {
            self.socket = socket
            self.outbox = outbox
            self.events = events
            self.configuration = configuration
            self.logger = logger
            parser = FrameParser(role: .client, maximumPayloadSize: configuration.maximumMessageSize)
            assembler = MessageAssembler(maximumMessageSize: configuration.maximumMessageSize)
            parser.append(initialBytes)
        }

        /// The connection on a thread of its own: turns, with a sleep in `poll` between them.
        mutating func run() {
            defer { end() }
            while turn() { waitForActivity() }
        }

        /// One turn: what is readable read and acted on, what is queued written. False once the
        /// connection is over (`events` finished); `end()` must follow.
        mutating func turn() -> Bool {
            do {
                try readAvailable()
                try handleFrames()
                let (messages, isAbandoned) = outbox.take()
                if isAbandoned {
                    events.finish()
                    return false
                }
                for message in messages { enqueue(message) }
                try flush()
                if closeReceived && output.isEmpty {
                    events.finish()
                    return false
                }
                if peerEndedStream {
                    events.finish(throwing: WebSocketError(.closed(code: nil, reason: ""), "the connection ended without a close frame"))
                    return false
                }
                if let closeDeadline, ContinuousClock.now >= closeDeadline {
                    events.finish(throwing: WebSocketError(.closed(code: nil, reason: ""), "no close frame from the peer in time"))
                    return false
                }
                return true
            } catch {
                fail(error)
                return false
            }
        }

        /// One turn for a loop thread that serves the connection (`LoopServedConnection`), and what
        /// that thread is to wait for next; once the connection is over, it has ended (`end()`).
        /// Mutating, so the state is not copied to answer.
        mutating func servedTurn() -> (isOpen: Bool, pollRequests: [PollRequest], deadline: ContinuousClock.Instant?) {
            guard turn() else {
                end()
                return (false, [], nil)
            }
            return (true, pollRequests, closeDeadline)
        }

        /// The connection is over: nothing more is accepted, and the wake-up pipe is closed.
        func end() {
            outbox.stopAccepting()
            outbox.closeWakePipe()
        }

        /// When a close frame sent stops waiting for the peer's.
        var closeDeadline: ContinuousClock.Instant? {
            closeSentAt.map { $0 + configuration.closeTimeout }
        }

        /// What `poll` waits for: the socket (to write too when output is waiting) and the wake-up pipe.
        var pollRequests: [PollRequest] {
            [PollRequest(descriptor: socket.descriptor, events: Int16(POLLIN) | (output.isEmpty ? 0 : Int16(POLLOUT))),
             PollRequest(descriptor: outbox.wakeReadEnd, events: Int16(POLLIN))]
        }

        /// Ends the connection after an error; a protocol violation first tells the peer why (RFC 6455 §7.1.7).
        private mutating func fail(_ error: WebSocketError) {
            if case .protocolViolation(let code) = error.kind, closeSentAt == nil {
                enqueue(.close(code, reason: ""))
                try? flush()
            }
            logger.debug("websocket closed on error", metadata: ["websocket.error": "\(error)"])
            events.finish(throwing: error)
        }

        /// The loop thread that served the connection stopped (its HTTP client shut down): the
        /// connection drops without a close frame, as if the peer had gone.
        func stop() {
            events.finish(throwing: WebSocketError(.transport, "the loop thread serving the connection stopped"))
        }

        private mutating func readAvailable() throws(WebSocketError) {
            let socket = socket
            while !peerEndedStream {
                let result = try readBuffer.withUnsafeMutableBytes { buffer in
                    Result { () throws(WebSocketError) in try socket.receive(into: buffer) }
                }.get()
                switch result {
                case .done(let count): parser.append(readBuffer[0..<count])
                case .wouldBlock: return
                case .closed: peerEndedStream = true
                }
            }
        }

        private mutating func handleFrames() throws(WebSocketError) {
            while !closeReceived, let frame = try parser.nextFrame() {
                guard let event = try assembler.push(frame) else { continue }
                switch event {
                case .ping(let payload):
                    if closeSentAt == nil { enqueueFrame(.pong, payload) }
                case .close(let code, _):
                    closeReceived = true
                    if closeSentAt == nil {
                        // Echo the peer's code (RFC 6455 §5.5.1); an empty close is answered with an empty one.
                        enqueueFrame(.close, code.map { Self.closePayload($0, reason: "") } ?? [])
                        closeSentAt = .now
                    }
                    events.yield(event)
                case .text, .binary, .pong:
                    events.yield(event)
                }
            }
        }

        private mutating func enqueue(_ message: Outgoing) {
            guard closeSentAt == nil else { return }
            switch message {
            case .text(let text): enqueueFrame(.text, Array(text.utf8))
            case .binary(let bytes): enqueueFrame(.binary, bytes)
            case .ping(let payload): enqueueFrame(.ping, Array(payload.prefix(125)))
            case .close(let code, let reason):
                enqueueFrame(.close, Self.closePayload(code, reason: reason))
                closeSentAt = .now
            }
        }

        private mutating func enqueueFrame(_ opcode: Opcode, _ payload: [UInt8]) {
            let key = FrameEncoder.makeMaskingKey(using: &generator)
            output.append(contentsOf: FrameEncoder.encode(Frame(opcode: opcode, payload: payload), maskingKey: key))
        }

        /// A close body: the code, then a reason cut to fit the 125-byte control-frame limit on a
        /// character boundary.
        private static func closePayload(_ code: CloseCode, reason: String) -> [UInt8] {
            var reasonBytes = Array(reason.utf8)
            while reasonBytes.count > 123 || !UTF8Validator.isValid(reasonBytes) { reasonBytes.removeLast() }
            return [UInt8(code.rawValue >> 8), UInt8(code.rawValue & 0xFF)] + reasonBytes
        }

        private mutating func flush() throws(WebSocketError) {
            while outputOffset < output.count {
                let result = try output[outputOffset...].withContiguousStorageIfAvailable { buffer in
                    Result { () throws(WebSocketError) in try socket.send(UnsafeRawBufferPointer(buffer)) }
                }?.get() ?? .wouldBlock
                switch result {
                case .done(let count): outputOffset += count
                case .wouldBlock, .closed: return
                }
            }
            output.removeAll(keepingCapacity: true)
            outputOffset = 0
        }

        private func waitForActivity() {
            var descriptors = pollRequests.map { pollfd(fd: $0.descriptor, events: $0.events, revents: 0) }
            // Asleep at most a second; once a close is sent, until its deadline at the latest.
            _ = poll(&descriptors, nfds_t(descriptors.count), closeDeadline.map { pollMilliseconds(until: $0, atMost: 1000) } ?? 1000)
        }
    }
}
