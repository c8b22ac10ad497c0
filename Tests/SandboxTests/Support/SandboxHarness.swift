import Foundation
import HTTP
import LendingBot
import Logging
import PanelSimulator
import Postgres
import PostgresTesting
import Sandbox
import ServiceLifecycle
import SimulatorSupport
import TestSupport

/// A whole sandbox in process, as `lending-sandbox` runs it: on the test cluster, in a database
/// of its own that is dropped afterwards, with the console on a free port of 127.0.0.1. Installs
/// run until the test finishes them through `panel`, so it sees a server installing for certain.
struct SandboxHarness: Sendable {
    let consoleURL: String
    let http: HTTPClient
    let archive: String
    /// The sandbox's panel simulator: the test stands in for Wings with `finishInstall(of:)`.
    let panel: PanelSimulator

    static func with(_ body: (SandboxHarness) async throws -> Void) async throws {
        var logger = Logger(label: "test.sandbox")
        logger.logLevel = .error
        let cluster = try TestDatabase.clusterConfiguration()
        // Set: `clusterConfiguration()` threw otherwise.
        let clusterURL = ProcessInfo.processInfo.environment[TestDatabase.environmentVariable] ?? ""
        let name = "sandbox_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let archive = FileManager.default.temporaryDirectory.appendingPathComponent("sandbox-archive-\(name)").path
        var options = Sandbox.Options(databaseURL: clusterURL, migrations: try Migration.load(from: PackageRoot.path("Prisma/migrations")))
        options.port = 0
        options.databaseName = name
        options.archiveDirectory = archive
        options.installDuration = nil
        // Made before the sandbox starts, so that nothing can throw between its start and its stop.
        let http = try HTTPClient(logger: logger)
        let (ready, readyContinuation) = AsyncStream<ConsoleServer>.makeStream()
        let service = Sandbox(options: options, logger: logger) { console in
            readyContinuation.yield(console)
            readyContinuation.finish()
        }
        let shutdown = ServiceGroup(configuration: ServiceGroupConfiguration(
            services: [.init(service: service, successTerminationBehavior: .gracefullyShutdownGroup)], logger: logger))
        let sandbox = Task {
            try await shutdown.run()
            readyContinuation.finish()
        }
        do {
            var iterator = ready.makeAsyncIterator()
            guard let console = await iterator.next() else {
                try await sandbox.value
                throw NotReady()
            }
            try await body(SandboxHarness(consoleURL: console.url, http: http, archive: archive, panel: console.console.simulators.panel))
        } catch {
            await stop(sandbox, shutdown, http, cluster, name, archive, logger)
            throw error
        }
        await stop(sandbox, shutdown, http, cluster, name, archive, logger)
    }

    private static func stop(_ sandbox: Task<Void, any Error>, _ shutdown: ServiceGroup, _ http: HTTPClient, _ cluster: ConnectionConfiguration,
                             _ name: String, _ archive: String, _ logger: Logger) async {
        await shutdown.triggerGracefulShutdown()
        _ = try? await sandbox.value
        http.shutdown()
        let admin = PostgresPool(cluster, maximumConnections: 1, logger: logger)
        _ = try? await admin.query(Query(unsafeSQL: "DROP DATABASE IF EXISTS \"\(name)\" WITH (FORCE)"), named: "drop sandbox database")
        await admin.close()
        try? FileManager.default.removeItem(atPath: archive)
    }

    struct NotReady: Error, CustomStringConvertible {
        var description: String { "the sandbox stopped before its console was ready" }
    }

    // MARK: The console's API

    /// `GET /api/state`.
    func state() async throws -> SimulatorJSON {
        let response = try await http.send(HTTPRequest(method: .get, url: consoleURL + "api/state"))
        guard response.status == 200, let json = SimulatorJSON(parsing: response.body) else { throw APIFailure(status: response.status, body: response.body) }
        return json
    }

    /// `POST /api/<path>` with a JSON body; the status and the parsed answer.
    func post(_ path: String, _ body: SimulatorJSON) async throws -> (status: Int, json: SimulatorJSON) {
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: "application/json")
        let response = try await http.send(HTTPRequest(method: .post, url: consoleURL + "api/" + path, headers: headers, body: body.encoded()))
        return (response.status, SimulatorJSON(parsing: response.body) ?? .null)
    }

    /// Polls the state until `condition` holds, or fails after `timeout`; returns the state that held.
    @discardableResult
    func eventually(_ what: String, timeout: Duration = .seconds(30), _ condition: (SimulatorJSON) throws -> Bool) async throws -> SimulatorJSON {
        var current = SimulatorJSON.null
        try await TestSupport.eventually(what, timeout: timeout, polling: .milliseconds(100)) {
            current = try await state()
            return try condition(current)
        }
        return current
    }

    struct APIFailure: Error, CustomStringConvertible {
        let status: Int
        let body: Data
        var description: String { "console API answered \(status): \(String(decoding: body, as: UTF8.self))" }
    }
}

extension SimulatorJSON {
    /// The persona with `key` in a state.
    func persona(_ key: String) -> SimulatorJSON? {
        self["personas"]?.arrayValue?.first { $0["key"]?.stringValue == key }
    }

    var workflows: [SimulatorJSON] { self["database"]?["workflows"]?.arrayValue ?? [] }
    var channelMessages: [SimulatorJSON] { self["channel"]?["messages"]?.arrayValue ?? [] }
    var panelServers: [SimulatorJSON] { self["panel"]?["servers"]?.arrayValue ?? [] }

    /// The panel server with this identifier in a state.
    func panelServer(_ identifier: String) -> SimulatorJSON? {
        panelServers.first { $0["identifier"]?.stringValue == identifier }
    }
}
