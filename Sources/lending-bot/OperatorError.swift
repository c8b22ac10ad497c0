import ArgumentParser
import Foundation

/// A problem the operator can fix (configuration, database reachability, migrations): printed as
/// plain lines on stderr, exit code 1, no stack trace.
struct OperatorError: Error {
    let lines: [String]

    init(_ lines: String...) {
        self.lines = lines
    }

    init(lines: [String]) {
        self.lines = lines
    }
}

extension AsyncParsableCommand {
    /// Runs `body`, turning an `OperatorError` or any other error into lines on stderr and exit 1.
    func reportingOperatorErrors(_ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let error as OperatorError {
            printToStandardError(error.lines.map { "lending-bot: \($0)" })
            throw ExitCode(1)
        } catch let error as ExitCode {
            throw error
        } catch {
            printToStandardError(["lending-bot: \(error)"])
            throw ExitCode(1)
        }
    }
}

func printToStandardError(_ lines: [String]) {
    FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
}
