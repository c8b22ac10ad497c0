import Foundation
import LendingBot
import TestSupport
import Testing

/// `--version`, a bare `lending-bot`, and the help's list of configuration variables.
@Suite("lending-bot help and version")
struct HelpAndVersionTests {
    /// A database that refuses connections: a command that tried to use it would fail.
    static let unreachableDatabase = ["DATABASE_URL": "postgresql://bot@127.0.0.1:1/x"]

    @Test("--version prints the release and the commit, or unknown without git")
    func version() async throws {
        let outcome = try await CommandLineTests.run(["--version"], [:])
        #expect(outcome.status == 0)
        let line = outcome.standardOutput
        let match = try #require(line.wholeMatch(of: /lending-bot (\d+)\.(\d+)\.(\d+) \(commit ([0-9a-f]{4,40}|unknown)\)\n/), "\(line)")
        // Built from this checkout, the commit is known (the test runs from the checkout it was built in).
        if FileManager.default.fileExists(atPath: PackageRoot.path(".git")), Self.findExecutable("git") != nil {
            #expect(match.4 != "unknown", "\(line)")
        }
    }

    @Test("a bare lending-bot prints the help and exits 0 without touching the database")
    func bareInvocation() async throws {
        let outcome = try await CommandLineTests.run([], Self.unreachableDatabase)
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput.contains("USAGE: lending-bot <subcommand>"))
        for subcommand in ["run", "migrate", "register-commands", "doctor", "healthcheck"] {
            #expect(outcome.standardOutput.contains("\n  \(subcommand) "), "no \(subcommand)")
        }
        // The sandbox is the executable lending-sandbox, which the production binary does not link.
        #expect(!outcome.standardOutput.contains("\n  sandbox "), "\(outcome.standardOutput)")
        // Running would have printed a migration summary, or failed on the unreachable database.
        #expect(outcome.standardError == "", "\(outcome.standardError)")
        #expect(!outcome.standardOutput.contains("Applied ") && !outcome.standardOutput.contains("up to date"))
    }

    /// The `NAME  requirement  summary` rows of the help's CONFIGURATION section.
    static func variableRows(_ help: String) -> [(name: String, requirement: String)] {
        let lines = help.split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(of: "CONFIGURATION:") else { return [] }
        return lines[start...].dropFirst().prefix { !$0.hasSuffix(":") || $0.hasPrefix(" ") }.compactMap { line in
            guard let match = line.wholeMatch(of: /\ \ ([A-Z][A-Z0-9_]*\*?) +(required|for run|optional)  .+/) else { return nil }
            return (String(match.1), String(match.2))
        }
    }

    @Test("--help and run --help list exactly the variables the configuration reads, and where they are documented", arguments: [
        ["--help"], ["run", "--help"],
    ])
    func helpListsEveryVariable(arguments: [String]) async throws {
        // 80 columns: the narrowest the help is laid out for.
        let outcome = try await CommandLineTests.run(arguments, ["COLUMNS": "80"])
        #expect(outcome.status == 0)
        let help = outcome.standardOutput
        #expect(help.contains("README.md, section Configuration"))
        #expect(help.split(separator: "\n").allSatisfy { $0.count <= 80 }, "a line is wider than 80 columns")

        // A row too long for 80 columns is wrapped onto a line of its own, starting at column 0.
        let section = help.split(separator: "\n").drop { $0 != "CONFIGURATION:" }.dropFirst().prefix { $0.hasPrefix(" ") }
        #expect(section.count > 30 && section.allSatisfy { $0.hasPrefix("  ") }, "a row was wrapped: \(section)")
        let rows = Self.variableRows(help)
        let listed = rows.map(\.name)
        // What the loader reads, from the reading itself rather than from the table the help prints.
        let read = BotConfiguration.environmentVariableNames + BotConfiguration.environmentVariablePrefixes
        #expect(read.count >= 27)
        #expect(Set(listed).count == listed.count, "listed twice: \(listed)")
        #expect(Set(read).subtracting(listed).sorted() == [], "read but not in the help")
        #expect(Set(listed).subtracting(read).sorted() == [], "in the help but not read")

        // "required" and "for run" are what the loader reports missing from an empty environment.
        func missing(_ purpose: BotConfiguration.Purpose) -> Set<String> {
            Set(BotConfiguration.reading(environment: [:], purpose: purpose).problems.missing.compactMap { $0.split(separator: ":").first.map(String.init) })
        }
        #expect(Set(rows.filter { $0.requirement == "required" }.map(\.name)) == missing(.database))
        #expect(Set(rows.filter { $0.requirement != "optional" }.map(\.name)) == missing(.run))
    }

    @Test("--help names the exit codes")
    func helpNamesExitCodes() async throws {
        let outcome = try await CommandLineTests.run(["--help"], [:])
        #expect(outcome.standardOutput.contains("EXIT STATUS:"))
        #expect(outcome.standardOutput.contains("78  the configuration is missing or invalid"))
    }
}

extension HelpAndVersionTests {
    static func findExecutable(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return (path.split(separator: ":") + ["/usr/bin", "/bin"]).map { "\($0)/\(name)" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
