import Foundation
import LendingBot
import Testing
import TestSupport

/// The files under `deploy/`: they name what the bot reads, and the tools that read them accept them.
@Suite struct DeployFilesTests {
    private static func contents(_ relative: String) throws -> String {
        try String(contentsOfFile: PackageRoot.path(relative), encoding: .utf8)
    }

    /// `NAME=` lines of an env file, commented out (`#NAME=`) or not, with whether each is active.
    private static func assignments(_ text: String) -> [(name: String, active: Bool)] {
        text.split(separator: "\n").compactMap { line in
            var body = Substring(line)
            let active = !body.hasPrefix("#")
            if !active { body = body.dropFirst() }
            guard let equals = body.firstIndex(of: "="), body.startIndex < equals else { return nil }
            let name = body[..<equals]
            guard name.allSatisfy({ $0.isUppercase || $0.isNumber || $0 == "_" }), name.first?.isLetter == true else { return nil }
            return (String(name), active)
        }
    }

    @Test func environmentExampleNamesExactlyTheVariablesTheConfigurationReads() throws {
        let assignments = Self.assignments(try Self.contents("deploy/lending-bot.env.example"))
        let names = assignments.map(\.name)
        #expect(Set(names).count == names.count, "a variable is listed twice: \(names)")
        let read = BotConfiguration.environmentVariableNames
        #expect(read.count >= 26)
        #expect(Set(names).subtracting(read).sorted() == [], "listed but not read")
        #expect(Set(read).subtracting(names).sorted() == [], "read but not listed")

        // What `run` cannot start without is to be filled in; everything else shows its default, commented out.
        let required: Set = ["DISCORD_TOKEN", "DISCORD_GUILD_ID", "DATABASE_URL", "PTERODACTYL_URL",
                             "PTERODACTYL_APPLICATION_KEY", "PTERODACTYL_CLIENT_KEY"]
        #expect(Set(assignments.filter(\.active).map(\.name)) == required)
    }

    @Test func environmentExampleHoldsNoValueForASecret() throws {
        for line in try Self.contents("deploy/lending-bot.env.example").split(separator: "\n") where !line.hasPrefix("#") {
            #expect(line.hasSuffix("="), "an active line has a value: \(line)")
        }
    }

    @Test func readmeDocumentsEveryVariable() throws {
        let readme = try Self.contents("README.md")
        for name in BotConfiguration.environmentVariableNames {
            #expect(readme.contains("`\(name)`"), "README does not name \(name)")
        }
    }

    static let unitDirectives = [
        "User=lending-bot", "EnvironmentFile=/etc/lending-bot/lending-bot.env",
        "ExecStart=/opt/lending-bot/bin/lending-bot run", "WorkingDirectory=/opt/lending-bot",
        "Restart=on-failure", "RestartPreventExitStatus=78", "ProtectSystem=strict", "ProtectHome=yes", "NoNewPrivileges=yes", "PrivateTmp=yes",
        "ReadWritePaths=/var/lib/lending-bot/archive", "CapabilityBoundingSet=", "KillSignal=SIGTERM",
    ]

    @Test func serviceUnitHasTheRequiredDirectives() throws {
        let lines = Set(try Self.contents("deploy/lending-bot.service").split(separator: "\n").map(String.init))
        for directive in Self.unitDirectives {
            #expect(lines.contains(directive), "missing \(directive)")
        }
        // Above the bot's 10 s grace for interactions in flight.
        let stop = lines.first { $0.hasPrefix("TimeoutStopSec=") }
        let seconds = stop.flatMap { Int($0.dropFirst("TimeoutStopSec=".count).filter(\.isNumber)) }
        #expect((seconds ?? 0) > 10, "TimeoutStopSec: \(stop ?? "unset")")
    }

    private static func findExecutable(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return (path.split(separator: ":") + ["/usr/bin", "/bin"]).map { "\($0)/\(name)" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// `systemd-analyze verify` needs no running systemd, but checks that `ExecStart` exists, so the
    /// copy it reads starts a stand-in; it exits 0 even for unknown keys, so any output fails.
    @Test(.enabled(if: findExecutable("systemd-analyze") != nil, "systemd-analyze is not installed"))
    func serviceUnitVerifies() async throws {
        let analyze = try #require(Self.findExecutable("systemd-analyze"))
        let standIn = try #require(Self.findExecutable("true"))
        let unit = try Self.contents("deploy/lending-bot.service")
            .replacingOccurrences(of: "ExecStart=/opt/lending-bot/bin/lending-bot ", with: "ExecStart=\(standIn) ")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("deploy-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let copy = folder.appendingPathComponent("lending-bot.service")
        try unit.write(to: copy, atomically: true, encoding: .utf8)

        let outcome = try await Subprocess.run(analyze, ["verify", "--man=no", copy.path])
        #expect(outcome.status == 0)
        #expect(outcome.standardOutput + outcome.standardError == "")
    }

    @Test func composeFileParsesAndHasTheRequiredKeys() async throws {
        let python = ProcessInfo.processInfo.environment["PYTHON_TOOLS"].map { "\($0)/bin/python" } ?? "python3"
        let outcome = try await Subprocess.run(python, [PackageRoot.path("scripts/support/check-compose.py"), PackageRoot.path("deploy/compose.yaml")])
        #expect(outcome.status == 0, "\(outcome.standardOutput)\(outcome.standardError)")
    }

    @Test func dockerfileRunsTheBotAsAnUnprivilegedUser() throws {
        let lines = try Self.contents("deploy/Dockerfile").split(separator: "\n").map(String.init)
        // The build stage needs the plugin the executable target uses (Package.swift).
        for line in [#"ENTRYPOINT ["lending-bot"]"#, #"CMD ["run"]"#, "STOPSIGNAL SIGTERM", "USER lending-bot", "COPY Plugins ./Plugins"] {
            #expect(lines.contains(line), "missing \(line)")
        }
        #expect(lines.filter { $0.hasPrefix("FROM ") }.count >= 2, "not multi-stage")
        let ignored = Set(try Self.contents(".dockerignore").split(separator: "\n").map(String.init))
        #expect(ignored.isSuperset(of: [".build*", ".data", ".git"]))
    }
}
