public import Clocks
import Foundation
public import Logging
public import SimulatorSupport
import Synchronization

/// A Pterodactyl panel (and the Wings download endpoint) on loopback that behaves as
/// docs/PANEL-API.md describes: key types and `r_*` bits, per-account rate limits with
/// `X-RateLimit-*` headers, the panel's envelopes, `errors[]` bodies and 422 validation entries,
/// 409 while installing, sub-user auto-creation, the backup throttle and limit, a toggling lock,
/// single-use download URLs, and power states that change later. It is a fake with inspection:
/// tests act through the real client, then read `users`, `server(_:)`, `requests`.
///
/// Invariant: all panel state lives in one `PanelWorld` value behind `world`'s lock, and each
/// request is judged and applied in one critical section, never across an `await`.
public final class PanelSimulator: Sendable {
    public let configuration: Configuration
    public let clock: BotClock
    let world: Mutex<PanelWorld>
    private let running: Mutex<LoopbackHTTPServer?>
    private let logger: Logger

    /// - Parameters:
    ///   - clock: `.manual()` for rate-limit windows, throttles and power delays that only
    ///     `advance(by:)` moves.
    ///   - logger: one debug entry per request with the route name and status; no header, no body.
    public init(configuration: Configuration = Configuration(), clock: BotClock = .adjustable(), logger: Logger = Logger(label: "simulators.pterodactyl")) {
        self.configuration = configuration
        self.clock = clock
        self.world = Mutex(PanelWorld(configuration: configuration))
        self.running = Mutex(nil)
        self.logger = logger
    }

    /// Starts listening on 127.0.0.1 on a port the system picks.
    public func start() async throws {
        let server = try await LoopbackHTTPServer.start(handler: PanelRequestHandler(simulator: self), timeout: 600)
        running.withLock { $0 = server }
        world.withLock { $0.baseURL = "http://127.0.0.1:\(server.port)" }
    }

    public func stop() async {
        guard let current = running.withLock({ state in defer { state = nil }; return state }) else { return }
        await current.stop()
    }

    /// `http://127.0.0.1:PORT`, what the client takes as `PTERODACTYL_URL`. Only valid after `start()`.
    public var baseURL: String {
        guard let port = running.withLock({ $0?.port }) else { preconditionFailure("start() the simulator first") }
        return "http://127.0.0.1:\(port)"
    }

    public func advance(by duration: Duration) {
        clock.advance(by: duration)
    }

    func handle(_ request: PanelIncomingRequest) -> PanelReply {
        let now = clock.date
        let (reply, route) = world.withLock { world in
            let reply = world.handle(request, now: now)
            return (reply, world.requests.last?.route)
        }
        if case .response(let response) = reply {
            logger.debug("simulated panel request", metadata: ["http.route": "\(route.map(\.rawValue) ?? "unmatched")", "http.status": "\(response.status)"])
        }
        return reply
    }
}
