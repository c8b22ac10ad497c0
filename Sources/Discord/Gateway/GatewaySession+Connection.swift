import Clocks
import Foundation
import Logging
import Synchronization
import WebSocket

extension GatewaySession {
    /// Everything that can happen to a connection, in the order the loop handles it.
    private enum Input: Sendable {
        case event(WebSocketEvent)
        case ended(CloseCode?)
        case heartbeatDue
        /// `stop(closingWith:)`: close with this code and end the session's run.
        case stop(CloseCode)
    }

    /// Drives one connection to its end; returns the machine's decision about what comes next
    /// (`.connect` or `.stop`).
    func runConnection(_ client: WebSocketClient, state: inout RunState) async -> [GatewayStateMachine.Action] {
        let (inputs, feed) = AsyncStream<Input>.makeStream(bufferingPolicy: .unbounded)
        let inflater = configuration.isCompressed ? try? ZlibStreamInflater() : nil
        let clock = configuration.clock
        var limiter: GatewaySendLimiter?
        var lastCloseCode: CloseCode?
        var isStopping = false
        let requested = stopping.withLock { state -> CloseCode? in
            state.feed = { code in feed.yield(.stop(code)) }
            return state.code
        }
        if let requested { feed.yield(.stop(requested)) }
        defer {
            stopping.withLock { $0.feed = nil }
            markConnected(false)
        }
        return await withTaskGroup(of: Void.self) { group in
            defer { group.cancelAll() }
            group.addTask {
                do {
                    for try await event in client.events { feed.yield(.event(event)) }
                    feed.yield(.ended(nil))
                } catch let error as WebSocketError {
                    if case .closed(let code, _) = error.kind { feed.yield(.ended(code)) } else { feed.yield(.ended(nil)) }
                } catch {
                    feed.yield(.ended(nil))
                }
            }
            for await input in inputs {
                if Task.isCancelled {
                    // Shutting down for real: 1000 ends the session, as it should (docs/DISCORD.md#close-codes).
                    client.close(.normal)
                    return []
                }
                if isStopping {
                    // Only the end of the close handshake matters now; nothing more is delivered.
                    if case .ended = input { return [] }
                    continue
                }
                let actions: [GatewayStateMachine.Action]
                switch input {
                case .event(.text(let text)):
                    actions = handle(Array(text.utf8), state: &state)
                case .event(.binary(let bytes)):
                    guard let inflater else {
                        actions = handle(bytes, state: &state)
                        break
                    }
                    do {
                        guard let payload = try inflater.push(bytes) else { continue }
                        actions = handle(payload, state: &state)
                    } catch {
                        logger.info("gateway payload could not be inflated", metadata: ["gateway.error": "\(error)"])
                        actions = state.machine.corruptPayload()
                    }
                case .event(.close(let code, _)):
                    lastCloseCode = code
                    continue
                case .event(.ping), .event(.pong):
                    continue
                case .heartbeatDue:
                    actions = state.machine.heartbeatDue()
                case .stop(let code):
                    isStopping = true
                    client.close(code)
                    continue
                case .ended(let code):
                    return state.machine.closed(code: lastCloseCode ?? code)
                }
                for action in actions {
                    switch action {
                    case .send(let command):
                        if case .identify = command { state.lastIdentify = clock.elapsed }
                        let text = state.encoder.encode(command)
                        if case .heartbeat = command {
                            heartbeats.withLock { $0.sent(at: clock.elapsed) }
                            try? client.send(.text(text))
                        } else if let slot = limiter?.reserve(at: clock.elapsed), slot > clock.elapsed {
                            group.addTask {
                                try? await clock.sleep(untilElapsed: slot)
                                try? client.send(.text(text))
                            }
                        } else {
                            try? client.send(.text(text))
                        }
                    case .startHeartbeating(let interval, let first):
                        limiter = GatewaySendLimiter(heartbeatInterval: interval)
                        group.addTask {
                            var next = clock.elapsed + first
                            while !Task.isCancelled {
                                do { try await clock.sleep(untilElapsed: next) } catch { return }
                                feed.yield(.heartbeatDue)
                                // Count the next interval from now, not from the missed deadline: after
                                // a stall, two ticks back to back would make the second find the first
                                // unacknowledged and close a healthy connection.
                                next = clock.elapsed + interval
                            }
                        }
                    case .close(let code):
                        client.close(code)
                    case .deliver(var dispatch):
                        dispatch.receivedAt = clock.elapsed
                        output.yield(dispatch)
                    case .established(let resumed):
                        state.backoff.recordSuccess()
                        markConnected(true)
                        configuration.onEstablished?(resumed)
                    case .connect, .stop:
                        break
                    }
                }
            }
            // The stream only ends early when this task is cancelled: a real shutdown, so close with
            // 1000, which ends the session (docs/DISCORD.md#close-codes).
            client.close(.normal)
            return []
        }
    }

    private func handle(_ bytes: [UInt8], state: inout RunState) -> [GatewayStateMachine.Action] {
        do {
            let frame = try GatewayFrame.read(bytes)
            let actions = state.machine.received(frame, bytes: bytes, random: { Double.random(in: 0..<1) })
            if frame.opcode == GatewayOpcode.heartbeatAck.rawValue {
                let now = configuration.clock.elapsed
                heartbeats.withLock { $0.acknowledged(at: now) }
            }
            return actions
        } catch {
            // One undecodable payload must not end the session (docs/DISCORD.md#robustness).
            logger.info("gateway payload not understood, skipped", metadata: ["gateway.error": "\(error)"])
            return []
        }
    }
}
