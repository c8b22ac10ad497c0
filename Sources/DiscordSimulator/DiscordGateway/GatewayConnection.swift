import Clocks
import Foundation
import SimulatorSupport
import WebSocket

/// One accepted connection, run on its own thread: reads the Upgrade request, writes the 101 and
/// HELLO in one `send`, then parses masked client frames, hands each message to the simulator's
/// world, and writes what the outbox holds (compressing, splitting and fragmenting payloads).
///
/// Invariant: the thread owns the socket, the parser, the assembler and the deflater; other threads
/// reach it only through `outbox`. The socket is closed when `run` returns, except for a dropped
/// connection, which `LoopbackSocket.drop` already closed.
struct GatewayConnection {
    let id: Int
    let descriptor: Int32
    let simulator: DiscordGatewaySimulator
    let outbox: ConnectionOutbox
    var parser: FrameParser
    var assembler: MessageAssembler
    var deflater: ZlibStreamDeflater?
    var output: [UInt8] = []
    var outputOffset = 0
    /// Where in `output` each dispatch not yet reported as written ends, in order.
    var dispatchEnds: [(end: Int, sequence: Int)] = []
    var closeSentAt: ContinuousClock.Instant?
    private var closeReceived = false
    private var peerEnded = false

    init(id: Int, descriptor: Int32, simulator: DiscordGatewaySimulator, outbox: ConnectionOutbox) {
        self.id = id
        self.descriptor = descriptor
        self.simulator = simulator
        self.outbox = outbox
        // Messages over `maximumPayloadSize` close with 4002 (docs/DISCORD.md#send-limit) once read, so the client's close
        // echo can still be parsed; the codec's own cap only stops a client from filling memory.
        parser = FrameParser(role: .server, maximumPayloadSize: Self.framingLimit)
        assembler = MessageAssembler(maximumMessageSize: Self.framingLimit)
    }

    static let framingLimit = 1 << 20

    mutating func run() {
        let ending = serve()
        if ending != .serverDroppedTCP { LoopbackSocket.close(descriptor) }
        simulator.withWorld { $0.ended(id, ending: ending, at: simulator.clock.date) }
    }

    private mutating func serve() -> GatewayConnectionRecord.Ending {
        guard let (head, leftover) = readRequestHead() else {
            simulator.withWorld { $0.handshake(nil, status: 400, compressed: false, on: id) }
            writeImmediately(UpgradeRequest.errorResponse(status: 400, reason: "Bad Request"))
            return .handshakeFailed
        }
        guard let request = UpgradeRequest(head: head) else {
            simulator.withWorld { $0.handshake(nil, status: 400, compressed: false, on: id) }
            writeImmediately(UpgradeRequest.errorResponse(status: 400, reason: "Bad Request"))
            return .handshakeFailed
        }
        switch request.verdict {
        case .reject(let status, let reason):
            simulator.withWorld { $0.handshake(request, status: status, compressed: false, on: id) }
            writeImmediately(UpgradeRequest.errorResponse(status: status, reason: reason))
            return .handshakeFailed
        case .acceptThenClose(let accept, let code, let reason):
            simulator.withWorld { world in
                world.handshake(request, status: 101, compressed: false, on: id)
                world.helloSent(on: id, at: simulator.clock.date)
                world.close(id, CloseCode(rawValue: code), reason: reason, at: simulator.clock.date)
            }
            output = UpgradeRequest.switchingProtocols(accept: accept)
        case .accept(let accept, let compressed):
            if compressed { deflater = ZlibStreamDeflater() }
            simulator.withWorld { world in
                world.handshake(request, status: 101, compressed: compressed, on: id)
                world.helloSent(on: id, at: simulator.clock.date)
            }
            output = UpgradeRequest.switchingProtocols(accept: accept)
            encodePayload(GatewayPayload.hello(heartbeatInterval: simulator.configuration.heartbeatInterval), .whole)
        }
        parser.append(leftover)
        return loop()
    }

    /// The frame loop; returns how the connection ended.
    private mutating func loop() -> GatewayConnectionRecord.Ending {
        var halfOpen = false
        while true {
            let (items, isStopped) = outbox.take()
            if isStopped { return .simulatorStopped }
            for item in items where !halfOpen {
                switch item {
                case .payload(let bytes, let delivery): encodePayload(bytes, delivery)
                case .dispatch(let bytes, let delivery, let sequence):
                    encodePayload(bytes, delivery)
                    dispatchEnds.append((end: output.count, sequence: sequence))
                case .close(let code, let reason): encodeClose(code, reason: reason)
                case .dropTCP:
                    LoopbackSocket.drop(descriptor)
                    return .serverDroppedTCP
                case .halfOpen: halfOpen = true
                }
            }
            if halfOpen {
                _ = LoopbackSocket.wait([(outbox.wake.readEnd, Int16(POLLIN))], milliseconds: 1000)
                continue
            }
            flush()
            if !closeReceived && !peerEnded { readAvailable() }
            flush()
            if closeReceived && closeSentAt != nil && outputOffset >= output.count { return .closeHandshake }
            if peerEnded { return closeReceived ? .closeHandshake : .clientDisconnected }
            if let closeSentAt, ContinuousClock.now - closeSentAt > simulator.configuration.closeHandshakeTimeout { return .closeHandshake }
            let wantsWrite = outputOffset < output.count
            _ = LoopbackSocket.wait([(descriptor, Int16(POLLIN) | (wantsWrite ? Int16(POLLOUT) : 0)), (outbox.wake.readEnd, Int16(POLLIN))],
                                    milliseconds: 100)
        }
    }

    /// Reads until the socket would block, handling frames as they complete.
    private mutating func readAvailable() {
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        reading: while !peerEnded {
            switch LoopbackSocket.receive(descriptor, into: &chunk) {
            case .done(let count): parser.append(chunk[0..<count])
            case .wouldBlock: break reading
            case .closed: peerEnded = true
            }
            do {
                try handleFrames()
            } catch {
                violation(error)
                return
            }
            if closeReceived { return }
        }
    }

    private mutating func handleFrames() throws(WebSocketError) {
        while !closeReceived, let frame = try parser.nextFrame() {
            guard let event = try assembler.push(frame) else { continue }
            let now = simulator.clock.date
            switch event {
            case .ping(let payload):
                if closeSentAt == nil { appendFrame(Frame(opcode: .pong, payload: payload)) }
            case .pong:
                simulator.withWorld { $0.pongReceived(on: id) }
            case .close(let code, let reason):
                closeReceived = true
                simulator.withWorld { $0.closeReceived(code: code, reason: reason, on: id, at: now) }
                if closeSentAt == nil {
                    appendFrame(Frame(opcode: .close, payload: code.map { [UInt8($0.rawValue >> 8), UInt8($0.rawValue & 0xFF)] } ?? []))
                    closeSentAt = .now
                }
            case .text(let text):
                if closeSentAt == nil { simulator.receive(Array(text.utf8), on: id, at: now) }
            case .binary(let bytes):
                if closeSentAt == nil { simulator.receive(bytes, on: id, at: now) }
            }
        }
    }

    /// A frame the codec refused: too large is Discord's 4002; anything else is the RFC's code.
    private mutating func violation(_ error: WebSocketError) {
        guard case .protocolViolation(let code) = error.kind else { return }
        let discordCode = code == .messageTooBig ? GatewayCloseCode.decodeError : code
        let reason = code == .messageTooBig ? GatewayCloseCode.reason(for: discordCode) : error.message
        simulator.withWorld { $0.close(id, discordCode, reason: reason, at: simulator.clock.date) }
        closeReceived = true  // nothing more can be parsed; wait only to flush the close frame
    }
}
