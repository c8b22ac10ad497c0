import Clocks
import Foundation
import Lending
import LendingBot
import Logging
import Postgres
import PostgresTesting
@testable import Sandbox
import ServiceLifecycle
import Synchronization
import Testing

@Suite("Sandbox parts")
struct SandboxPartsTests {
    @Test("the console page is read from the built resource files, with its style and script inline")
    func consolePage() throws {
        let page = try ConsolePage.load()
        #expect(page.hasPrefix("<!doctype html>"))
        #expect(page.contains("<title>lending-bot sandbox</title>"))
        #expect(page.contains("data-testid=\"composer\""), "the markup of index.html")
        #expect(page.contains("--blurple:#5865f2"), "console.css, inline")
        #expect(page.contains("\"use strict\";") && page.contains("setInterval(refresh, 1000);"), "console.js, inline")
        #expect(!page.contains(ConsolePage.styleLink) && !page.contains(ConsolePage.scriptTag), "nothing left for the browser to fetch")
    }

    @Test("a bundle without the console's files is refused in one line naming the file")
    func consolePageMissing() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("no-console-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let bundle = try #require(Bundle(path: folder.path))
        let error = #expect(throws: SandboxError.self) { try ConsolePage.load(from: bundle) }
        #expect(error?.description.contains("index.html is missing") == true, "\(String(describing: error))")
    }

    @Test("the sandbox database replaces the database of a URL or a keyword string, and keeps the rest")
    func databaseURL() {
        #expect(SandboxDatabase.url("postgresql://bot:pw@127.0.0.1:5432/lending?sslmode=disable", database: "lending_sandbox")
            == "postgresql://bot:pw@127.0.0.1:5432/lending_sandbox?sslmode=disable")
        #expect(SandboxDatabase.url("postgres://postgres@127.0.0.1:6000", database: "lending_sandbox") == "postgres://postgres@127.0.0.1:6000/lending_sandbox")
        // libpq lets a dbname parameter win over the path: it must not survive.
        #expect(SandboxDatabase.url("postgresql://bot@db/x?dbname=prod&sslmode=disable", database: "lending_sandbox")
            == "postgresql://bot@db/lending_sandbox?sslmode=disable")
        #expect(SandboxDatabase.url("host=/run/pg user=bot dbname=lending", database: "lending_sandbox")
            == "host=/run/pg user=bot dbname=lending dbname='lending_sandbox'")
    }

    @Test("the clock runs with the wall clock plus what was advanced, and never goes back")
    func clock() {
        // Bracketed by readings of real time, not compared within a tolerance a loaded machine could exceed.
        let made = Date()
        let clock = BotClock.adjustable()
        #expect(clock.date >= made && clock.date <= Date())
        clock.advance(by: .seconds(86_400))
        clock.advance(by: .seconds(-3_600))
        #expect(clock.advanced == .seconds(86_400))
        let date = clock.date
        #expect(date >= made.addingTimeInterval(86_400) && date <= Date().addingTimeInterval(86_400))
    }

    @Test("the sandbox refuses to use, and so to empty, the database DATABASE_URL names itself")
    func refusesTheConfiguredDatabase() async throws {
        let cluster = try TestDatabase.clusterConfiguration()
        var options = Sandbox.Options(databaseURL: ProcessInfo.processInfo.environment[TestDatabase.environmentVariable] ?? "", migrations: [])
        options.databaseName = try #require(cluster.database)
        await #expect(throws: SandboxError.self) { try await Self.runUntilReady(options) }
    }

    @Test("the sandbox refuses an existing database it did not create, and leaves its rows alone")
    func refusesAnUnmarkedDatabase() async throws {
        try await TestDatabase.with { pool in
            try await pool.query("CREATE TABLE kept (id int)", named: "create")
            try await pool.query("INSERT INTO kept VALUES (1)", named: "insert")
            let name = try await pool.query("SELECT current_database() AS name", named: "name").singleRow().decode("name", as: String.self)
            var options = Sandbox.Options(databaseURL: ProcessInfo.processInfo.environment[TestDatabase.environmentVariable] ?? "", migrations: [])
            options.databaseName = name
            let error = await #expect(throws: SandboxError.self) { try await Self.runUntilReady(options) }
            #expect(error?.description.contains("not created by the sandbox") == true)
            #expect(try await pool.query("SELECT id FROM kept", named: "read").count == 1)
        }
    }

    /// Runs the sandbox and stops it as soon as it is ready, so a guard that lets it through fails
    /// the test instead of hanging it.
    private static func runUntilReady(_ options: Sandbox.Options) async throws {
        let group = Mutex<ServiceGroup?>(nil)
        let sandbox = Sandbox(options: options, logger: Logger(label: "test")) { _ in
            if let running = group.withLock({ $0 }) { Task { await running.triggerGracefulShutdown() } }
        }
        let running = ServiceGroup(configuration: ServiceGroupConfiguration(
            services: [.init(service: sandbox, successTerminationBehavior: .gracefullyShutdownGroup)], logger: Logger(label: "test")))
        group.withLock { $0 = running }
        try await running.run()
    }
}
