public import Clocks
import Foundation
public import HTTP
public import Logging
public import PanelSimulator
public import Pterodactyl
import Secrets

/// A panel simulator on a manual clock and a `PanelClient` on the real HTTP stack whose waits
/// advance that clock, so Retry-After, throttles, power delays and backup polls take no real
/// time. Shared by the Pterodactyl client's tests and the lending adapter's tests.
public struct PanelTestWorld: Sendable {
    public let panel: PanelSimulator
    public let client: PanelClient
    public let http: HTTPClient
    /// The simulator's manual clock, which the client's waits advance.
    public let clock: BotClock

    /// The identifier of the default configuration's one server.
    public static let server = "1a2b3c4d"
    public static let applicationKey = SimulatedAPIKey.application.token
    public static let clientKey = SimulatedAPIKey.adminClient.token

    /// Starts a simulator with `configuration`, runs `body`, and stops the simulator and the
    /// HTTP client whatever `body` does.
    /// - Parameter adjust: changes the client's settings (timeouts, attempts) before it is made.
    public static func with<T>(
        _ configuration: PanelSimulator.Configuration = PanelSimulator.Configuration(),
        applicationKey: String = applicationKey,
        clientKey: String = clientKey,
        logger: Logger = Logger(label: "test.pterodactyl"),
        adjust: (inout PanelConfiguration) -> Void = { _ in },
        _ body: (PanelTestWorld) async throws -> T
    ) async throws -> T {
        let clock = BotClock.manual(sleepingMovesTime: true)
        let panel = PanelSimulator(configuration: configuration, clock: clock)
        try await panel.start()
        let http = try HTTPClient(logger: logger)
        var settings = PanelConfiguration(baseURL: panel.baseURL, applicationKey: Secret(applicationKey), clientKey: Secret(clientKey))
        settings.retryBaseDelay = .milliseconds(200)
        settings.clock = clock
        adjust(&settings)
        let world = PanelTestWorld(panel: panel, client: try PanelClient(configuration: settings, transport: http, logger: logger), http: http, clock: clock)
        defer { http.shutdown() }
        do {
            let result = try await body(world)
            await panel.stop()
            return result
        } catch {
            await panel.stop()
            throw error
        }
    }

    /// A raw request to the simulator, for checking what it rejects without the client's help.
    public func raw(_ method: HTTPMethod, _ path: String, key: String? = applicationKey, accept: String? = "application/json",
                    json: String? = nil, contentType: String = "application/json") async throws -> HTTPResponse {
        var headers: HTTPHeaders = [:]
        if let key { headers.add(name: "Authorization", value: "Bearer \(key)") }
        if let accept { headers.add(name: "Accept", value: accept) }
        if json != nil { headers.add(name: "Content-Type", value: contentType) }
        return try await http.send(HTTPRequest(method: method, url: panel.baseURL + path, headers: headers, body: json.map { Data($0.utf8) }))
    }
}
