public import Clocks
import Foundation
public import Logging
public import Secrets
import Synchronization
public import WebSocket

/// One bot session on Discord's gateway: connects, identifies or resumes, heartbeats, reconnects as
/// the close codes say, and hands dispatches to the application in order through `dispatches`.
///
/// Each connection is one task group: a reader feeds socket events into a single input stream, a
/// timer feeds heartbeat ticks into the same stream, and one loop applies them to the
/// `GatewayStateMachine`. Dispatches go to an unbounded stream, so a slow consumer never delays a
/// heartbeat (docs/DISCORD.md#heartbeats).
public final class GatewaySession: Sendable {
    public struct Configuration: Sendable {
        public var token: Secret
        /// GUILDS (1) by default: interactions need no intent, guild events come with GUILDS.
        public var intents: UInt64 = 1
        /// Asked before every IDENTIFY; normally `GatewayURLCache.url` (`DISCORD_GATEWAY_URL`, else a
        /// cached `GET /gateway/bot`).
        public var gatewayURL: @Sendable () async throws -> String
        /// `compress=zlib-stream`.
        public var isCompressed = true
        /// Minimum time between IDENTIFYs: 5 s per `max_concurrency` bucket (docs/DISCORD.md#identify).
        public var identifyInterval: Duration = .seconds(5)
        public var backoffCap: Duration = .seconds(64)
        /// What every wait of the session (pacing, backoff, heartbeats, the send window) runs on.
        public var clock: BotClock = .system
        public var websocket: WebSocketClient.Configuration
        /// Told each time a connection ended and the session goes on with a new one: `true` when
        /// it will RESUME, `false` when it will IDENTIFY anew (metrics); nil tells nobody.
        public var onReconnect: (@Sendable (_ resuming: Bool) -> Void)?
        /// Told each time READY (`false`) or RESUMED (`true`) arrives (metrics); nil tells nobody.
        public var onEstablished: (@Sendable (_ resumed: Bool) -> Void)?

        public init(token: Secret, gatewayURL: @escaping @Sendable () async throws -> String) {
            self.token = token
            self.gatewayURL = gatewayURL
            websocket = WebSocketClient.Configuration()
            // A close we start (to resume) should not wait long for a dead peer's answer.
            websocket.closeTimeout = .seconds(2)
        }
    }

    public let dispatches: AsyncStream<GatewayDispatch>
    let output: AsyncStream<GatewayDispatch>.Continuation
    let configuration: Configuration
    let logger: Logger
    /// The stop asked for, and the current connection's input, so that `stop` reaches the loop.
    let stopping = Mutex<StopState>(StopState())
    /// Whether a connection is established (READY or RESUMED seen) and not yet ended, and since
    /// when (on the session's clock) that has been so.
    let connected: Mutex<(isConnected: Bool, since: Duration)>

    /// When the unacknowledged heartbeat went out, and what the last acknowledged one showed.
    let heartbeats = Mutex(HeartbeatRecord())

    /// True from READY or RESUMED until that connection ends; what a health check asks.
    public var isConnected: Bool { connected.withLock { $0.isConnected } }

    /// How long the session has been without an established connection: since it was made, or
    /// since its last connection ended; nil while connected. A resume normally takes seconds, so
    /// a readiness check allows some of this before it calls the bot unready.
    public var disconnectedFor: Duration? {
        let now = configuration.clock.elapsed
        return connected.withLock { $0.isConnected ? nil : now - $0.since }
    }

    func markConnected(_ isConnected: Bool) {
        let now = configuration.clock.elapsed
        connected.withLock { state in
            guard state.isConnected != isConnected else { return }
            state = (isConnected, now)
        }
    }

    /// Heartbeats Discord has acknowledged since the session started, over all its connections.
    public var acknowledgedHeartbeats: Int { heartbeats.withLock { $0.acknowledged } }

    /// The time from the last acknowledged heartbeat to its ACK, on the session's clock; nil before
    /// the first ACK. What an operator watches for a slow or lossy link to Discord.
    public var heartbeatLatency: Duration? { heartbeats.withLock { $0.latency } }

    struct HeartbeatRecord: Sendable {
        var sentAt: Duration?
        var acknowledged = 0
        var latency: Duration?

        mutating func sent(at now: Duration) { sentAt = now }

        mutating func acknowledged(at now: Duration) {
            acknowledged += 1
            if let sentAt { latency = now - sentAt }
            sentAt = nil
        }
    }

    public init(configuration: Configuration, logger: Logger) {
        (dispatches, output) = AsyncStream.makeStream(bufferingPolicy: .unbounded)
        self.configuration = configuration
        self.logger = logger
        connected = Mutex((false, configuration.clock.elapsed))
    }

    /// Runs until `stop(closingWith:)` (then returns after the close handshake), until the task is
    /// cancelled (then closes with 1000 and returns at once) or Discord closes with a
    /// fatal code (then throws). `dispatches` finishes either way.
    public func run() async throws(GatewayError) {
        defer { output.finish() }
        var state = RunState(configuration: configuration)
        var plan = GatewayStateMachine.Plan.identify(after: .zero)
        while !Task.isCancelled, !isStopRequested {
            guard let client = await connect(following: plan, state: &state) else {
                if Task.isCancelled || isStopRequested { return }
                // A resume URL that keeps failing is given up for a new session on the main gateway.
                if case .resume = plan, state.backoff.consecutiveFailures >= Self.resumeAttempts {
                    logger.info("resume URL unreachable, identifying anew", metadata: ["gateway.failures": "\(state.backoff.consecutiveFailures)"])
                    plan = .identify(after: .zero)
                }
                continue
            }
            let actions = await runConnection(client, state: &state)
            for action in actions {
                switch action {
                case .connect(let next):
                    plan = next
                    if case .resume = next { configuration.onReconnect?(true) } else { configuration.onReconnect?(false) }
                case .stop(let reason, let code):
                    logger.error("gateway closed with a fatal code", metadata: ["gateway.close_code": "\(code)", "gateway.reason": "\(reason)"])
                    throw GatewayError(.fatalClose(code), reason: reason)
                default:
                    break
                }
            }
        }
    }

    /// Closes the connection with `code` and lets `run()` return once the peer has answered the
    /// close (or `websocket.closeTimeout` has passed); no new connection is opened. The close frame
    /// is sent for sure, unlike on cancellation, where the socket may just be dropped.
    ///
    /// 1000 ends the session and shows the bot offline at once. A bot that stops only to start
    /// again may close with 4000, which leaves the session resumable for a while (docs/DISCORD.md#close-codes).
    public func stop(closingWith code: CloseCode = .normal) {
        let feed = stopping.withLock { state -> (@Sendable (CloseCode) -> Void)? in
            guard state.code == nil else { return nil }
            state.code = code
            return state.feed
        }
        feed?(code)
    }

    var isStopRequested: Bool { stopping.withLock { $0.code != nil } }

    struct StopState: Sendable {
        var code: CloseCode?
        /// Hands a stop request to the open connection's loop.
        var feed: (@Sendable (CloseCode) -> Void)?
    }

    /// Failed connections to a resume URL before the session is given up.
    static let resumeAttempts = 3

    /// State that lives across connections.
    struct RunState {
        var machine = GatewayStateMachine()
        var backoff: GatewayBackoff
        var lastIdentify: Duration?
        var generator = SystemRandomNumberGenerator()
        let encoder: GatewayCommandEncoder

        init(configuration: Configuration) {
            backoff = GatewayBackoff(cap: configuration.backoffCap)
            encoder = GatewayCommandEncoder(token: configuration.token, intents: configuration.intents)
        }

        mutating func random() -> Double { Double.random(in: 0..<1, using: &generator) }
    }

    /// Waits as the plan, the backoff and identify pacing require, then opens a connection; nil when
    /// it failed (the failure counts towards the backoff) or the task was cancelled.
    private func connect(following plan: GatewayStateMachine.Plan, state: inout RunState) async -> WebSocketClient? {
        var wait = state.backoff.delay(random: state.random())
        let base: String
        let resuming: Bool
        switch plan {
        case .resume(let url):
            base = url
            resuming = true
        case .identify(let after):
            wait = max(wait, after)
            if let last = state.lastIdentify {
                wait = max(wait, last + configuration.identifyInterval - configuration.clock.elapsed)
            }
            do {
                base = try await configuration.gatewayURL()
            } catch {
                logger.info("gateway URL unavailable, retrying", metadata: ["gateway.error": "\(error)"])
                state.backoff.recordFailure()
                return nil
            }
            resuming = false
        }
        if wait > .zero {
            do { try await configuration.clock.sleep(for: wait) } catch { return nil }
        }
        if isStopRequested { return nil }
        guard let url = Self.connectionURL(base, compressed: configuration.isCompressed) else {
            logger.error("gateway URL is not a ws:// or wss:// URL")
            state.backoff.recordFailure()
            return nil
        }
        do {
            let client = try await WebSocketClient.connect(to: url, configuration: configuration.websocket, logger: logger)
            state.machine.connectionOpened(resuming: resuming)
            logger.debug("gateway connected", metadata: ["gateway.resuming": "\(resuming)"])
            return client
        } catch {
            logger.info("gateway connection failed", metadata: ["gateway.error": "\(error)"])
            state.backoff.recordFailure()
            return nil
        }
    }

    /// `url` with the query every gateway connection carries (docs/DISCORD.md#gateway-url), without a doubled slash.
    static func connectionURL(_ base: String, compressed: Bool) -> URL? {
        var root = base
        if let query = root.firstIndex(of: "?") { root = String(root[..<query]) }
        while root.hasSuffix("/") { root.removeLast() }
        let query = "v=10&encoding=json" + (compressed ? "&compress=zlib-stream" : "")
        guard let url = URL(string: "\(root)/?\(query)"), let scheme = url.scheme?.lowercased(), scheme == "ws" || scheme == "wss" else { return nil }
        return url
    }
}
