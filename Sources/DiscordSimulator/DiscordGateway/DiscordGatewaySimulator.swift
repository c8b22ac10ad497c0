public import Clocks
public import Foundation
public import Logging
public import SimulatorSupport
import Synchronization

/// Discord's gateway on loopback, over plain `ws://`: the opening handshake with HELLO in the same
/// write as the 101, IDENTIFY and RESUME with Discord's checks and close codes, sequenced dispatches
/// with a replay buffer per session, a heartbeat auditor, zlib-stream compression, and the scenarios
/// of docs/DISCORD.md#connection (op 7, op 9, closes, TCP drops, half-open connections, split and huge payloads).
/// It is a fake with inspection: tests act through a real WebSocket client, then read what the
/// simulator saw (`heartbeats`, `identifies`, `resumes`, `closesReceived`, ...).
///
/// Invariant: all gateway state lives in one `GatewayWorld` behind `world`'s lock; connection
/// threads and test calls change it only inside `withWorld`, and the lock is never held across a
/// socket call or an `await`. TLS (`wss://`) and zstd-stream are not simulated.
/// Specification: docs/DISCORD.md, *Gateway*.
public final class DiscordGatewaySimulator: Sendable {
    public let configuration: Configuration
    /// The time heartbeats, windows and expiry are judged by; socket timeouts use real time.
    public let clock: BotClock
    private let world: Mutex<GatewayWorld>
    private let listener: Mutex<GatewayListener?>
    private let writeObserver = ObserverSlot<(sequences: [Int], writtenAt: ContinuousClock.Instant)>()
    let rest: DiscordRESTSimulator?
    private let logger: Logger

    /// - Parameters:
    ///   - rest: when given, each interaction dispatched with `dispatchInteraction` is registered
    ///     there at the moment it is sent, so the REST side's 3 s callback deadline starts then.
    ///   - clock: `.adjustable()` (real time) by default; with `.manual()` a test judges heartbeat timing, the
    ///     send and IDENTIFY windows and session expiry on time that only `advance(by:)` moves.
    ///     Pass the REST simulator's clock to keep both on one timeline.
    ///   - logger: receives a debug entry per scenario; never tokens or payloads.
    public init(configuration: Configuration = Configuration(), rest: DiscordRESTSimulator? = nil,
                clock: BotClock = .adjustable(), logger: Logger = Logger(label: "simulators.discord-gateway")) {
        self.configuration = configuration
        self.clock = clock
        self.world = Mutex(GatewayWorld(configuration: configuration))
        self.listener = Mutex(nil)
        self.rest = rest
        self.logger = logger
    }

    /// Starts listening on two ports of 127.0.0.1 (gateway and resume) chosen by the system.
    public func start() async throws {
        let listener = try GatewayListener(simulator: self)
        world.withLock { $0.resumeURL = "ws://127.0.0.1:\(listener.resumePort)" }
        self.listener.withLock { $0 = listener }
        logger.debug("gateway simulator listening", metadata: [
            "gateway.port": "\(listener.gatewayPort)", "gateway.resume_port": "\(listener.resumePort)",
        ])
    }

    /// Stops accepting, closes every connection (half-open ones too) and waits for their threads.
    /// Recorded state stays readable.
    public func stop() async {
        guard let current = listener.withLock({ state in defer { state = nil }; return state }) else { return }
        current.stop()
        let outboxes = world.withLock { $0.live.values.map(\.outbox) }
        for outbox in outboxes { outbox.stop() }
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            current.threads.notify(queue: .global()) { done.resume() }
        }
    }

    /// `ws://127.0.0.1:PORT`, what `GET /gateway/bot` would return. Only valid after `start()`.
    public var gatewayURL: URL {
        URL(string: "ws://127.0.0.1:\(port(\.gatewayPort))")!
    }

    /// READY's `resume_gateway_url`: the same simulator on another port.
    public var resumeURL: URL {
        URL(string: "ws://127.0.0.1:\(port(\.resumePort))")!
    }

    /// `gatewayURL` with the query a client should use: `/?v=10&encoding=json`, plus
    /// `&compress=zlib-stream` when `compressed`.
    public func connectURL(compressed: Bool = false) -> URL {
        URL(string: gatewayURL.absoluteString + "/?v=10&encoding=json" + (compressed ? "&compress=zlib-stream" : ""))!
    }

    private func port(_ keyPath: KeyPath<GatewayListener, UInt16>) -> UInt16 {
        guard let port = listener.withLock({ $0?[keyPath: keyPath] }) else { preconditionFailure("start() the simulator first") }
        return port
    }

    // MARK: Dispatching

    /// Sends a dispatch (op 0) with the session's next `s`, and keeps it for replay. Without
    /// `sessionID` it goes to the newest session that has not ended. While the session has no
    /// connection (or a half-open one) the event is only buffered: a RESUME replays it.
    /// - Returns: the `s` given to the event; nil when there is no such session.
    @discardableResult
    public func dispatch(event: String, data: SimulatorJSON, delivery: DispatchDelivery = .whole, sessionID: String? = nil) -> Int? {
        // Serialised before the lock is taken: connection threads wait on it.
        dispatch(event: event, encodedData: Array(data.encoded()), delivery: delivery, sessionID: sessionID)
    }

    /// `dispatch(event:data:...)` with `d` already serialised, for a load generator that builds
    /// its payloads' bytes once and splices in what changes: the bytes are sent as given, so they
    /// must be one JSON value (the bot under test judges them, the simulator does not).
    @discardableResult
    public func dispatch(event: String, encodedData: [UInt8], delivery: DispatchDelivery = .whole, sessionID: String? = nil) -> Int? {
        world.withLock { world in
            guard let target = sessionID ?? world.currentSessionID else { return nil }
            return world.emit(event: event, encodedData: encodedData, delivery: delivery, in: target, at: clock.date)
        }
    }

    /// Calls `observer` with the sequence numbers of dispatches whose last byte a connection's
    /// socket has just taken, and that moment, on the connection's thread: a stop-watch for
    /// benchmarks, whose time then starts when the bot can read the event rather than when the
    /// simulator was asked to send it (the compression and the connection thread's wake-up are the
    /// simulator's work, not the bot's). Replaces any earlier observer.
    public func observeDispatchWrites(_ observer: @escaping @Sendable (_ sequences: [Int], _ writtenAt: ContinuousClock.Instant) -> Void) {
        writeObserver.set { observer($0.sequences, $0.writtenAt) }
    }

    func dispatchesWritten(_ sequences: [Int], at instant: ContinuousClock.Instant) {
        writeObserver.current?((sequences, instant))
    }

    /// A fresh snowflake from the simulator's generator, as `makeCommandInteraction` and its
    /// siblings give each interaction: for a caller that builds an interaction's bytes itself.
    public func makeSnowflake() -> String {
        withWorld { $0.snowflakes.next(at: Date()) }
    }

    /// Dispatches INTERACTION_CREATE for `interaction` and, if the simulator was given a REST
    /// simulator, registers the interaction there first, so that its deadlines start now.
    @discardableResult
    public func dispatchInteraction(_ interaction: SimulatedInteraction, delivery: DispatchDelivery = .whole, sessionID: String? = nil) -> Int? {
        rest?.registerInteraction(id: interaction.id, token: interaction.token, type: interaction.type,
                                  applicationID: configuration.applicationID, channelID: interaction.channelID,
                                  message: interaction.payload["message"])
        return dispatch(event: "INTERACTION_CREATE", data: interaction.payload, delivery: delivery, sessionID: sessionID)
    }

    // MARK: Scenarios

    /// Triggers `scenario` on `connectionID`, or on the newest open connection.
    public func perform(_ scenario: GatewayScenario, on connectionID: Int? = nil) {
        world.withLock { world in
            guard let id = connectionID ?? world.latestLiveConnectionID else { return }
            world.perform(scenario, on: id, at: clock.date)
        }
        logger.debug("gateway simulator scenario", metadata: ["gateway.scenario": "\(scenario)"])
    }

    /// Moves the simulator's clock; see `BotClock`.
    public func advance(by duration: Duration) {
        clock.advance(by: duration)
    }

    /// Ends `sessionID` as if its resume window had passed: a later RESUME gets op 9 `false`.
    public func expireSession(_ sessionID: String) {
        world.withLock { $0.endSession(sessionID, because: "expired") }
    }

    // MARK: For connection threads

    func withWorld<Result: Sendable>(_ body: (inout GatewayWorld) -> Result) -> Result {
        world.withLock { body(&$0) }
    }

    func receive(_ bytes: [UInt8], on id: Int, at now: Date) {
        world.withLock { $0.received(bytes, on: id, at: now) }
    }
}
