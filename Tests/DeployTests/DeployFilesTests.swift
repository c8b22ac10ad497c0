import Foundation
import Glibc
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

    /// The lines of README.md's section `heading` (up to the next heading of any level).
    private static func readmeSection(_ heading: String) throws -> [String] {
        let lines = try contents("README.md").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let start = lines.firstIndex(of: heading) else { return [] }
        return Array(lines[(start + 1)...].prefix { !$0.hasPrefix("#") })
    }

    @Test func composeRequiresThePostgresPasswordWithoutDefault() throws {
        let compose = try Self.contents("deploy/compose.yaml")
        // Both uses (the database's own variable and the bot's DATABASE_URL) stop compose with a sentence.
        let required = compose.components(separatedBy: "${POSTGRES_PASSWORD:?").dropFirst()
        #expect(required.count == 2, "\(required.count) required use(s) of POSTGRES_PASSWORD")
        for message in required {
            let sentence = message.prefix { $0 != "}" }
            #expect(sentence.contains("set POSTGRES_PASSWORD in deploy/.env"), "\(sentence)")
        }
        #expect(!compose.contains("${POSTGRES_PASSWORD:-") && !compose.contains("${POSTGRES_PASSWORD}"), "a use with a default or none")
        for file in ["deploy/compose.yaml", "README.md", "deploy/lending-bot.env.example"] {
            #expect(!(try Self.contents(file)).contains("change-me"), "\(file) still names a default password")
        }
    }

    @Test func composeRunsPostgres15AndAHardenedBotWithAHealthcheck() throws {
        let lines = try Self.contents("deploy/compose.yaml").split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(lines.contains("image: postgres:15-bookworm"))
        #expect(lines.contains(#"test: ["CMD", "lending-bot", "healthcheck"]"#))
        #expect(lines.contains("read_only: true"))
        #expect(lines.filter { $0 == "cap_drop: [ALL]" }.count == 2)
        #expect(lines.filter { $0 == #"security_opt: ["no-new-privileges:true"]"# }.count == 2)
        #expect(lines.contains("cap_add: [CHOWN, SETUID, SETGID, DAC_OVERRIDE, FOWNER]"))
        // Both services share one bounded json-file setting.
        #expect(lines.contains("driver: json-file") && lines.contains { $0.hasPrefix("max-size: ") } && lines.contains { $0.hasPrefix("max-file: ") })
        #expect(lines.filter { $0 == "logging: *logging" }.count == 2)
    }

    @Test func dockerfileCarriesTheSwiftBacktracer() throws {
        let lines = try Self.contents("deploy/Dockerfile").split(separator: "\n").map(String.init)
        let copy = try #require(lines.first { $0.hasPrefix("COPY --from=build /usr/libexec/swift/linux/swift-backtrace-static ") })
        let destination = try #require(copy.split(separator: " ").last.map(String.init))
        let environment = try #require(lines.first { $0.hasPrefix("ENV SWIFT_BACKTRACE=") })
        let settings = environment.dropFirst("ENV SWIFT_BACKTRACE=".count).split(separator: ",").map(String.init)
        for setting in ["enable=yes", "sanitize=yes", "threads=all", "images=all", "interactive=no", "swift-backtrace=\(destination)"] {
            #expect(settings.contains(setting), "SWIFT_BACKTRACE lacks \(setting)")
        }
        #expect(lines.contains { $0.contains("swift build -c release --product lending-bot --static-swift-stdlib") })
    }

    @Test func gitIgnoresTheFilledInEnvironmentButNotItsExample() async throws {
        // The patterns as git matches a slash-containing one: from the root, `*` not crossing `/`.
        let patterns = try Self.contents(".gitignore").split(separator: "\n")
            .filter { !$0.hasPrefix("#") && !$0.hasPrefix("!") && $0.contains("/") && !$0.hasSuffix("/") }
            .map { $0.hasPrefix("/") ? String($0.dropFirst()) : String($0) }
        func ignored(_ path: String) -> Bool { patterns.contains { fnmatch($0, path, FNM_PATHNAME) == 0 } }
        #expect(ignored("deploy/lending-bot.env"))
        #expect(!ignored("deploy/lending-bot.env.example"))

        // And git itself agrees, where the checkout is a git one.
        guard FileManager.default.fileExists(atPath: PackageRoot.path(".git")), let git = Self.findExecutable("git") else { return }
        let root = PackageRoot.url.path
        let secrets = try await Subprocess.run(git, ["-C", root, "check-ignore", "--no-index", "-q", "deploy/lending-bot.env"])
        #expect(secrets.status == 0, "git does not ignore deploy/lending-bot.env: \(secrets.standardError)")
        let example = try await Subprocess.run(git, ["-C", root, "check-ignore", "--no-index", "-q", "deploy/lending-bot.env.example"])
        #expect(example.status == 1, "git ignores deploy/lending-bot.env.example: \(example.standardError)")
    }

    @Test func readmeSystemdSectionBuildsStaticAndInstallsTheDocumentation() throws {
        let section = try Self.readmeSection("### Run under systemd")
        let build = try #require(section.first { $0.hasPrefix("swift build ") })
        #expect(build.contains("--static-swift-stdlib"), "\(build)")
        let unit = try Self.contents("deploy/lending-bot.service").split(separator: "\n")
        let documentation = try #require(unit.first { $0.hasPrefix("Documentation=file:") }).dropFirst("Documentation=file:".count)
        #expect(section.contains { $0.hasPrefix("install ") && $0.contains(" README.md ") && $0.hasSuffix(" \(documentation)") },
                "no step installs README.md at \(documentation)")
    }

    @Test func readmeComposeSectionNamesThePasswordAndTheHealthcheck() throws {
        let section = try Self.readmeSection("### Run with Docker Compose").joined(separator: "\n")
        #expect(section.contains("`POSTGRES_PASSWORD` is required"))
        #expect(section.contains("`lending-bot healthcheck`"))
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
