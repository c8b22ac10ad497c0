import BotTesting
import Clocks
import DiscordSimulator
import Foundation
import FoundationNetworking
import SimulatorSupport
#if canImport(FoundationNetworking)
#endif

/// A small HTTP client for the simulator's own tests: URLSession, because the project's HTTP module
/// is written in parallel and is what the simulator will later test.
struct RESTSimulatorTestClient {
    struct Reply {
        let status: Int
        /// Lowercased names.
        let headers: [String: String]
        let body: Data
        var json: SimulatorJSON? { SimulatorJSON(parsing: body) }
        func header(_ name: String) -> String? { headers[name.lowercased()] }
    }

    static let userAgent = "DiscordBot (lending-bot, 0.1)"

    let baseURL: URL
    var token: String? = RESTSimulatorFixture.token
    var userAgent: String? = RESTSimulatorTestClient.userAgent
    // Generous: a simulator on a loaded machine answers late, and a test that needs a client to give up
    // early (the slow-response fault) sets its own.
    var timeout: TimeInterval = 120

    init(baseURL: URL) { self.baseURL = baseURL }

    func send(_ method: String, _ path: String, json: SimulatorJSON? = nil, rawBody: Data? = nil,
              contentType: String? = "application/json", headers: [String: String] = [:]) async throws -> Reply {
        var request = URLRequest(url: URL(string: baseURL.absoluteString + path)!, timeoutInterval: timeout)
        request.httpMethod = method
        if let token { request.setValue("Bot \(token)", forHTTPHeaderField: "Authorization") }
        if let userAgent { request.setValue(userAgent, forHTTPHeaderField: "User-Agent") }
        if let body = rawBody ?? json?.encoded() {
            request.httpBody = body
            if let contentType { request.setValue(contentType, forHTTPHeaderField: "Content-Type") }
        }
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        let session = URLSession(configuration: configuration)
        defer { session.finishTasksAndInvalidate() }
        let (data, response) = try await session.data(for: request)
        let http = response as! HTTPURLResponse
        var lowered: [String: String] = [:]
        for (name, value) in http.allHeaderFields {
            if let name = name as? String, let value = value as? String { lowered[name.lowercased()] = value }
        }
        return Reply(status: http.statusCode, headers: lowered, body: data)
    }
}

extension RESTSimulatorFixture {
    /// Starts a simulator on a manual clock (unless told otherwise), runs `body` with a client of
    /// the simulator's own tests, and always stops it.
    static func withSimulator<T>(
        configuration: DiscordRESTSimulator.Configuration = configuration(),
        clock: BotClock = .manual(),
        deadlineClock: BotClock? = nil,
        _ body: (DiscordRESTSimulator, RESTSimulatorTestClient) async throws -> T
    ) async throws -> T {
        try await withSimulator(configuration: configuration, clock: clock, deadlineClock: deadlineClock) { simulator in
            try await body(simulator, RESTSimulatorTestClient(baseURL: simulator.baseURL))
        }
    }
}

extension SimulatorJSON {
    /// The first `_errors` code at the end of `path` in a 50035 body's `errors` tree.
    func formErrorCode(at path: String...) -> String? {
        var node = self["errors"]
        for key in path { node = node?[key] }
        return node?["_errors"]?[0]?["code"]?.stringValue
    }

    func formErrorMessage(at path: String...) -> String? {
        var node = self["errors"]
        for key in path { node = node?[key] }
        return node?["_errors"]?[0]?["message"]?.stringValue
    }
}
