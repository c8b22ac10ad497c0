import Foundation
import LendingBot
import TestSupport
import Logging
import Postgres
import PostgresTesting
import Testing

/// Runs the built `lending-bot` executable as an operator would.
@Suite("The lending-bot command line")
struct CommandLineTests {
    /// The executable SwiftPM built beside this test bundle.
    static var executable: String {
        URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent("lending-bot").path
    }

    /// The sandbox's executable, built beside `lending-bot`.
    static var sandboxExecutable: String {
        URL(fileURLWithPath: executable).deletingLastPathComponent().appendingPathComponent("lending-sandbox").path
    }

    /// An environment with nothing of the bot's, so the developer's own settings cannot leak in.
    static func environment(_ values: [String: String]) -> [String: String] {
        let names = Set(BotConfiguration.environmentVariableNames)
        var environment = ProcessInfo.processInfo.environment.filter { key, _ in !names.contains(key) }
        environment.merge(values) { $1 }
        return environment
    }

    static func run(_ arguments: [String], _ values: [String: String]) async throws -> Subprocess.Outcome {
        try await Subprocess.run(executable, arguments, environment: environment(values))
    }

    /// A fresh database's URL for the duration of `body`.
    static func withDatabaseURL(_ body: (String) async throws -> Void) async throws {
        try await TestDatabase.withURL(prefix: "cli", logger: .init(label: "test"), body)
    }

    @Test("migrate applies the migrations once, then says there is nothing to do")
    func migrateTwice() async throws {
        try await Self.withDatabaseURL { url in
            let first = try await Self.run(["migrate"], ["DATABASE_URL": url])
            #expect(first.status == 0, "\(first.standardError)")
            let names = OperationsCommandTests.migrationNames
            #expect(first.standardOutput.contains("Applied \(names.count) migration(s): \(names.joined(separator: ", "))."), "\(first.standardOutput)")
            let second = try await Self.run(["migrate"], ["DATABASE_URL": url])
            #expect(second.status == 0)
            #expect(second.standardOutput.contains("nothing to do"))
        }
    }

    @Test("run prepares the database, then lists the settings it still needs, with exit code 78")
    func runWithoutDiscord() async throws {
        try await Self.withDatabaseURL { url in
            let outcome = try await Self.run(["run"], ["DATABASE_URL": url])
            #expect(outcome.status == 78)
            #expect(outcome.standardOutput.contains("Applied \(OperationsCommandTests.migrationNames.count) migration(s)"))
            for variable in ["DISCORD_TOKEN", "DISCORD_GUILD_ID", "PTERODACTYL_URL", "PTERODACTYL_APPLICATION_KEY", "PTERODACTYL_CLIENT_KEY"] {
                #expect(outcome.standardError.contains(variable))
            }
        }
    }

    /// Everything `run` needs, pointing at a database that refuses connections.
    static let completeButUnreachable = [
        "DATABASE_URL": "postgresql://bot:hunter2@127.0.0.1:1/x", "DISCORD_TOKEN": "t", "DISCORD_GUILD_ID": "123456789012345678",
        "PTERODACTYL_URL": "https://panel.example.org", "PTERODACTYL_APPLICATION_KEY": "a", "PTERODACTYL_CLIENT_KEY": "c",
    ]

    @Test("operator errors are single clear lines with no secret: 78 for the configuration, 1 for the rest", arguments: [
        (["migrate"], ["DATABASE_URL": "postgresql://bot:hunter2@[::1/x"], "DATABASE_URL: not a valid PostgreSQL URL", Int32(78)),
        (["migrate"], ["DATABASE_URL": "postgresql://bot:hunter2@127.0.0.1:1/x"], "cannot connect to the database", 1),
        (["migrate"], [:], "DATABASE_URL: required", 78),
        (["migrate", "--status"], ["DATABASE_URL": "postgresql://bot:hunter2@127.0.0.1:1/x"], "cannot connect to the database", 1),
        (["migrate", "--status"], ["DATABASE_URL": "postgresql://bot:hunter2@[::1/x"], "DATABASE_URL: not a valid PostgreSQL URL", 78),
        (["migrate", "--status"], [:], "DATABASE_URL: required", 78),
        (["run", "--no-migrate"], completeButUnreachable, "cannot connect to the database", 1),
        (["migrate", "--migrations", "/nonexistent/migrations"], ["DATABASE_URL": "postgresql://bot:hunter2@127.0.0.1:1/x"], "migrations folder /nonexistent/migrations: no such folder", 1),
        (["run"], completeButUnreachable.merging(["CHECKOUT_MAX_PERIOD_DAYS": "hunter2"]) { $1 }, "CHECKOUT_MAX_PERIOD_DAYS: expected a whole number", 78),
        (["run"], completeButUnreachable, "cannot connect to the database", 1),
        (["register-commands"], ["DISCORD_GUILD_ID": "123456789012345678"], "DISCORD_TOKEN: required", 78),
    ])
    func operatorErrors(arguments: [String], values: [String: String], expected: String, status: Int32) async throws {
        let outcome = try await Self.run(arguments, values)
        #expect(outcome.status == status, "\(outcome.standardError)")
        #expect(outcome.standardError.contains(expected), "\(outcome.standardError)")
        #expect(!outcome.standardError.contains("hunter2"))
        #expect(!outcome.standardError.contains("Fatal error"))
        #expect(outcome.standardError.split(separator: "\n").count == 1, "\(outcome.standardError)")
    }

    @Test("run without any configuration exits 78 naming every missing variable, before touching anything")
    func runWithoutConfiguration() async throws {
        let outcome = try await Self.run(["run"], [:])
        #expect(outcome.status == 78)
        let lines = outcome.standardError.split(separator: "\n")
        for variable in ["DATABASE_URL", "DISCORD_TOKEN", "DISCORD_GUILD_ID", "PTERODACTYL_URL", "PTERODACTYL_APPLICATION_KEY", "PTERODACTYL_CLIENT_KEY"] {
            #expect(lines.contains { $0.hasPrefix("lending-bot: \(variable): required for ") }, "\(outcome.standardError)")
        }
        #expect(lines.count == 6, "\(outcome.standardError)")
        #expect(outcome.standardOutput == "")
    }

    @Test("doctor exits 78 when the configuration is incomplete")
    func doctorWithoutDiscord() async throws {
        // Nothing reachable is needed to see that DISCORD_TOKEN is missing; the manifest URL refuses at once.
        var values = Self.completeButUnreachable
        values["DISCORD_TOKEN"] = nil
        values["MINECRAFT_VERSION_MANIFEST_URL"] = "http://127.0.0.1:1/manifest.json"
        values["PTERODACTYL_URL"] = "http://127.0.0.1:1"
        let outcome = try await Self.run(["doctor"], values)
        #expect(outcome.status == 78, "\(outcome.standardOutput)\(outcome.standardError)")
        #expect(outcome.standardOutput.contains("DISCORD_TOKEN: required"))
    }

    @Test("a wrong password is reported in one line without the password")
    func wrongCredentials() async throws {
        try await TestCluster.with { cluster in
            try await cluster.requirePasswords(userPassword: "right-horse-battery")
            let url = cluster.url.replacingOccurrences(of: "postgres@", with: "postgres:wrong-staple-42@")
            let outcome = try await Self.run(["migrate"], ["DATABASE_URL": url])
            #expect(outcome.status == 1)
            #expect(outcome.standardError.contains("password authentication failed"))
            #expect(!outcome.standardError.contains("wrong-staple-42"))
            #expect(outcome.standardError.split(separator: "\n").count == 1)
        }
    }
}
