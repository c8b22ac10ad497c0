import Foundation
import Glibc
import HTTP
import Logging
import Postgres
import PostgresTesting
import TestSupport
import Testing

/// `lending-sandbox` as a process: it prints the console's address, serves it, and stops
/// cleanly on SIGTERM or SIGINT; a bad port is one line and exit code 1. `lending-bot` itself
/// has no sandbox subcommand.
@Suite("lending-sandbox")
struct SandboxCommandTests {
    static func run(_ arguments: [String], _ values: [String: String]) async throws -> Subprocess.Outcome {
        try await Subprocess.run(CommandLineTests.sandboxExecutable, arguments, environment: CommandLineTests.environment(values))
    }

    @Test("sandbox prepares its own database, prints the console URL, serves the state, and exits 0 on SIGTERM or SIGINT",
          arguments: [SIGTERM, SIGINT])
    func runAndTerminate(signal: Int32) async throws {
        try await CommandLineTests.withDatabaseURL { url in
            let database = "sandbox_cli_" + UUID().uuidString.prefix(8).lowercased()
            let archive = FileManager.default.temporaryDirectory.appendingPathComponent(database).path
            defer { try? FileManager.default.removeItem(atPath: archive) }
            do {
                try await Self.exercise(url: url, database: database, archive: archive, signal: signal)
            } catch {
                await Self.drop(database)
                throw error
            }
            await Self.drop(database)
        }
    }

    /// Starts the sandbox binary, reads its state and page, stops it, and checks the seeded pool.
    private static func exercise(url: String, database: String, archive: String, signal: Int32) async throws {
        let process = try ChildProcess(CommandLineTests.sandboxExecutable, ["--port", "0", "--database", database, "--archive", archive],
                                       environment: CommandLineTests.environment(["DATABASE_URL": url, "LOG_LEVEL": "info"]))
        defer { process.terminate() }
        let deadline = ContinuousClock.now + .seconds(90)
        var consoleURL: String?
        while consoleURL == nil {
            consoleURL = process.standardOutput.split(separator: "\n").first { $0.hasPrefix("Sandbox console: ") }
                .flatMap { $0.split(separator: " ").dropFirst(2).first.map(String.init) }
            if consoleURL != nil { break }
            if let status = try? await process.waitForExit(timeout: .zero) {
                Issue.record("sandbox exited with \(status) before it was ready: \(process.standardError)")
                return
            }
            guard ContinuousClock.now < deadline else {
                Issue.record("sandbox was not ready within 90 s: \(process.standardError)")
                return
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        let address = try #require(consoleURL)
        #expect(address.hasPrefix("http://127.0.0.1:"))
        let http = try HTTPClient(logger: Logger(label: "test"))
        defer { http.shutdown() }
        let state = try await http.send(HTTPRequest(method: .get, url: address + "api/state"))
        #expect(state.status == 200)
        #expect(String(decoding: state.body, as: UTF8.self).contains("\"ready\":true"))
        let page = try await http.send(HTTPRequest(method: .get, url: address))
        #expect(String(decoding: page.body, as: UTF8.self).contains("<title>lending-bot sandbox</title>"))

        process.send(signal)
        let status = try await process.waitForExit(timeout: .seconds(30))
        #expect(status == 0, "\(process.standardError)")
        #expect(process.standardError.contains("shutdown requested"))
        #expect(process.standardError.contains("signal=\(signal == SIGINT ? "SIGINT" : "SIGTERM")"), "\(process.standardError)")
        #expect(!process.standardError.contains("simulated.bot.token"))

        // The pool was seeded in the sandbox's own database, which is then dropped.
        let cluster = try TestDatabase.clusterConfiguration()
        let sandboxPool = PostgresPool(cluster.withDatabase(database), maximumConnections: 1, logger: Logger(label: "test"))
        let bindings = try? await sandboxPool.query(#"SELECT count(*)::int AS n FROM "ServerBinding""#, named: "pool rows")
        await sandboxPool.close()
        #expect(try bindings?.first?.decode("n", as: Int.self) == 4, "three Paper servers and a Fabric one")
    }

    /// Drops the sandbox's database, whether the test got through or not.
    private static func drop(_ database: String) async {
        guard let cluster = try? TestDatabase.clusterConfiguration() else { return }
        let admin = PostgresPool(cluster, maximumConnections: 1, logger: Logger(label: "test"))
        _ = try? await admin.query(Query(unsafeSQL: "DROP DATABASE IF EXISTS \"\(database)\" WITH (FORCE)"), named: "drop sandbox database")
        await admin.close()
    }

    @Test("a port out of range is refused in one line, with exit code 1")
    func badPort() async throws {
        try await CommandLineTests.withDatabaseURL { url in
            let outcome = try await Self.run(["--port", "70000", "--database", "sandbox_cli_unused"], ["DATABASE_URL": url])
            #expect(outcome.status == 1)
            #expect(outcome.standardError.contains("lending-sandbox: --port: 70000 is not a port"), "\(outcome.standardError)")
        }
    }

    @Test("configuration errors are single clear lines with no secret, and exit code 78", arguments: [
        (["DATABASE_URL": "postgresql://bot:hunter2@[::1/x"], "DATABASE_URL: not a valid PostgreSQL URL"),
        ([:], "DATABASE_URL: required"),
    ])
    func configurationErrors(values: [String: String], expected: String) async throws {
        let outcome = try await Self.run(["--database", "sandbox_cli_unused"], values)
        #expect(outcome.status == 78, "\(outcome.standardError)")
        #expect(outcome.standardError.contains(expected), "\(outcome.standardError)")
        #expect(!outcome.standardError.contains("hunter2"))
        #expect(!outcome.standardError.contains("Fatal error"))
        #expect(outcome.standardError.split(separator: "\n").count == 1, "\(outcome.standardError)")
    }

    @Test("--version names lending-sandbox and the release; lending-bot refuses a sandbox subcommand")
    func versionAndNoSubcommand() async throws {
        let version = try await Self.run(["--version"], [:])
        #expect(version.status == 0)
        #expect(version.standardOutput.wholeMatch(of: /lending-sandbox \d+\.\d+\.\d+ \(commit ([0-9a-f]{4,40}|unknown)\)\n/) != nil, "\(version.standardOutput)")
        let refused = try await CommandLineTests.run(["sandbox"], [:])
        #expect(refused.status == 64, "\(refused.standardError)")
    }
}
