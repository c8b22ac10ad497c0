public import ArgumentParser
import Foundation
public import LendingBot

/// A problem the operator can fix (configuration, database reachability, migrations): printed as
/// plain lines on stderr, no stack trace, and an exit code a supervisor can act on.
public struct OperatorError: Error {
    public let lines: [String]
    /// Whether the configuration itself (the environment, `.env`) is missing or invalid: starting
    /// again cannot help until the operator changes it.
    public let isConfiguration: Bool

    public init(_ lines: String..., configuration: Bool = false) {
        self.lines = lines
        self.isConfiguration = configuration
    }

    public init(lines: [String], configuration: Bool = false) {
        self.lines = lines
        self.isConfiguration = configuration
    }
}

/// The exit codes every command uses (README.md, Operations, Command line).
public enum ExitStatus {
    /// Any failure but a configuration to fix: the database unreachable, Discord down, a signal.
    public static let failure = ExitCode(1)
    /// `EX_CONFIG` from sysexits.h: the configuration is missing or invalid. The systemd unit's
    /// `RestartPreventExitStatus=78` keeps it from restarting a bot that would fail the same way.
    public static let configuration = ExitCode(78)
}

extension AsyncParsableCommand {
    /// Runs `body`, turning an `OperatorError` or any other error into lines on stderr, each
    /// prefixed with the program's name, and exit 1, or 78 for a configuration problem.
    public func reportingOperatorErrors(program: String = "lending-bot", _ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let error as OperatorError {
            printToStandardError(error.lines.map { "\(program): \($0)" })
            throw error.isConfiguration ? ExitStatus.configuration : ExitStatus.failure
        } catch let problems as BotConfiguration.Problems {
            printToStandardError((problems.invalid + problems.missing).map { "\(program): \($0)" })
            throw ExitStatus.configuration
        } catch let error as ExitCode {
            throw error
        } catch {
            printToStandardError(["\(program): \(error)"])
            throw ExitStatus.failure
        }
    }
}

public func printToStandardError(_ lines: [String]) {
    FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
}
