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

/// One guild with a text channel, a read-only channel, two users (one blocking DMs), one member and
/// two roles (one above the bot), the same in every test.
enum RESTSimulatorFixture {
    static let token = "simulated.bot.token"
    static let channelID = "1300000000000000001"
    static let otherChannelID = "1300000000000000002"
    static let readOnlyChannelID = "1300000000000000003"
    static let aliceID = "1400000000000000001"
    static let blockerID = "1400000000000000002"
    static let lenderRoleID = "1500000000000000001"
    static let adminRoleID = "1500000000000000002"

    static func configuration(botCanManageRoles: Bool = true) -> DiscordRESTSimulator.Configuration {
        DiscordRESTSimulator.Configuration(
            botToken: token,
            users: [SimulatedUser(id: aliceID, username: "alice"), SimulatedUser(id: blockerID, username: "bob", blocksDMs: true)],
            members: [SimulatedMember(userID: aliceID), SimulatedMember(userID: blockerID)],
            roles: [SimulatedRole(id: lenderRoleID, name: "lender"), SimulatedRole(id: adminRoleID, name: "admin", isManageable: false)],
            channels: [
                SimulatedChannel(id: channelID, name: "lending"), SimulatedChannel(id: otherChannelID, name: "general"),
                SimulatedChannel(id: readOnlyChannelID, name: "announcements", isWritable: false),
            ],
            botCanManageRoles: botCanManageRoles
        )
    }

    /// Starts a simulator on a manual clock (unless told otherwise), runs `body`, and always stops it.
    static func withSimulator<T>(
        configuration: DiscordRESTSimulator.Configuration = configuration(),
        clock: BotClock = .manual(),
        deadlineClock: BotClock? = nil,
        _ body: (DiscordRESTSimulator, RESTSimulatorTestClient) async throws -> T
    ) async throws -> T {
        let simulator = DiscordRESTSimulator(configuration: configuration, clock: clock, deadlineClock: deadlineClock)
        try await simulator.start()
        do {
            let result = try await body(simulator, RESTSimulatorTestClient(baseURL: simulator.baseURL))
            await simulator.stop()
            return result
        } catch {
            await simulator.stop()
            throw error
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
