public import Clocks
public import Foundation
public import Logging
public import SimulatorSupport
import Synchronization

/// A Discord REST API on loopback that behaves as Discord documents: it checks tokens, user agents,
/// bodies and limits, keeps rate-limit buckets, enforces the interaction deadlines, and answers with
/// Discord's status codes, error bodies and headers. It is a fake with inspection: tests act through
/// a real HTTP client, then read what the simulator saw (`requests`, `sentMessages(in:)`, ...).
///
/// Invariant: all Discord state lives in one `RESTWorld` value behind `world`'s lock, and each
/// request is judged and applied in one critical section. The lock is never held across an `await`.
/// Specification: docs/DISCORD.md, *REST*.
public final class DiscordRESTSimulator: Sendable {
    public let configuration: Configuration
    public let clock: BotClock
    /// A clock of its own for the interaction deadlines, or nil when they are judged on `clock`.
    private let separateDeadlineClock: BotClock?
    let world: Mutex<RESTWorld>
    private let running: Mutex<LoopbackHTTPServer?>
    private let callbackObserver = ObserverSlot<AcceptedCallback>()
    private let logger: Logger

    /// - Parameters:
    ///   - clock: `.adjustable()` (real time) by default; pass `.manual()` to judge deadlines and rate-limit
    ///     windows on a clock that only `advance(by:)` moves.
    ///   - deadlineClock: a separate clock for the interaction deadlines, or nil to judge them on
    ///     `clock`. An end-to-end test whose subject is not the deadline passes `.manual()`: on a
    ///     loaded machine its bot may take longer than 3 s of real time to answer, and the test
    ///     would fail for the machine, not for the bot. A test of the deadline advances it.
    ///   - logger: receives one debug entry per request with the route template (never the path,
    ///     which can carry an interaction token) and the status.
    public init(configuration: Configuration = Configuration(), clock: BotClock = .adjustable(), deadlineClock: BotClock? = nil,
                logger: Logger = Logger(label: "simulators.discord-rest")) {
        self.configuration = configuration
        self.clock = clock
        self.separateDeadlineClock = deadlineClock
        self.world = Mutex(RESTWorld(configuration: configuration))
        self.running = Mutex(nil)
        self.logger = logger
    }

    /// Starts listening on 127.0.0.1 on a port the system picks, and returns once connections are accepted.
    public func start() async throws {
        // Long enough for `slowResponse` faults: a handler slower than this gets a 500 from FlyingFox.
        let server = try await LoopbackHTTPServer.start(handler: RequestHandler(simulator: self), timeout: 300)
        running.withLock { $0 = server }
    }

    /// Stops listening and closes open connections. Recorded state stays readable.
    public func stop() async {
        guard let current = running.withLock({ state in defer { state = nil }; return state }) else { return }
        await current.stop()
    }

    /// `http://127.0.0.1:PORT/api/v10`, what the bot's REST client takes as its base. Only valid after `start()`.
    public var baseURL: URL {
        guard let port = running.withLock({ $0?.port }) else { preconditionFailure("start() the simulator first") }
        return URL(string: "http://127.0.0.1:\(port)\(RESTWorld.basePath)")!
    }

    /// The clock Discord's interaction deadlines (3 s for the first callback, 15 min for the token)
    /// are judged by: `clock` unless the simulator was given one of its own.
    public var deadlineClock: BotClock { separateDeadlineClock ?? clock }

    /// Moves the simulator's clock, and the deadline clock when it is a separate one; see `BotClock`.
    public func advance(by duration: Duration) {
        clock.advance(by: duration)
        separateDeadlineClock?.advance(by: duration)
    }

    /// Makes an interaction known, dispatched "now": the 3 s and 15 min deadlines start here. The
    /// gateway simulator calls this when it sends INTERACTION_CREATE; tests may call it directly.
    /// - Parameter message: for component interactions, the message carrying the component.
    public func registerInteraction(id: String, token: String, type: SimulatedInteractionType, applicationID: String? = nil,
                                    channelID: String? = nil, message: SimulatorJSON? = nil) {
        let now = deadlineClock.date
        world.withLock {
            $0.registerInteraction(id: id, token: token, type: type, applicationID: applicationID ?? configuration.applicationID,
                                   channelID: channelID, message: message, now: now)
        }
    }

    /// Places a message by someone other than the bot in a channel, as if posted from Discord's
    /// client, and returns its id: what a test needs to see the bot's edit of it refused (403 50005).
    /// `userID` should be one of the configured users, whose user object becomes the author.
    @discardableResult
    public func postMessage(from userID: String, in channelID: String, content: String) -> String {
        let now = clock.date
        return world.withLock { $0.postMessage(from: userID, in: channelID, content: content, now: now) }
    }

    /// Deletes a message of a channel as a moderator would in Discord's client; returns whether it
    /// was there. What the bot asks of it afterwards is answered 404 Unknown Message (10008).
    @discardableResult
    public func deleteMessage(_ messageID: String, in channelID: String) -> Bool {
        world.withLock { world in
            guard let index = world.channelMessages[channelID]?.firstIndex(where: { $0["id"]?.stringValue == messageID }) else { return false }
            world.channelMessages[channelID]?.remove(at: index)
            return true
        }
    }

    /// Queues `fault` for the next request to `route`; several faults are met in the order queued.
    public func injectFault(_ fault: SimulatedFault, on route: SimulatedRoute) {
        world.withLock { $0.faults[route, default: []].append(fault) }
    }

    /// Replaces the bucket rule of `route` from the next window on.
    public func setRateLimit(_ rule: RateLimitRule, for route: SimulatedRoute) {
        world.withLock { $0.rateLimits[route] = rule }
    }

    /// Calls `observer` for each interaction callback accepted from now on, on the thread that
    /// handled the request, outside the simulator's lock: a stop-watch for benchmarks, which
    /// learn when an answer arrived without polling. Replaces any earlier observer.
    public func observeCallbacks(_ observer: @escaping @Sendable (AcceptedCallback) -> Void) {
        callbackObserver.set(observer)
    }

    func handle(_ request: IncomingRequest) -> SimulatedResponse {
        let now = clock.date
        let deadlineNow = deadlineClock.date
        let observer = callbackObserver.current
        let (response, template, accepted) = world.withLock { world in
            let response = world.handle(request, now: now, deadlineNow: deadlineNow)
            let recorded = world.requests.last
            return (response, recorded?.template ?? "", observer == nil ? nil : recorded.flatMap { AcceptedCallback($0, arrivedAt: request.arrivedAt) })
        }
        if let observer, let accepted { observer(accepted) }
        logger.debug("simulated discord request", metadata: [
            "http.method": "\(request.method)", "http.route": "\(template)", "http.status": "\(response.status)",
        ])
        return response
    }
}
