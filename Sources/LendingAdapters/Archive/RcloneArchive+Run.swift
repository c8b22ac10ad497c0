import Foundation
import Lending
import Logging
import Subprocess
import SystemPackage

extension RcloneArchive {
    /// What one rclone run left behind: how it ended, its standard output and the end of its
    /// standard error.
    struct RunOutcome: Sendable {
        let step: String
        let status: TerminationStatus
        let standardOutput: [UInt8]
        let errorTail: [UInt8]

        /// The failure for a run that did not exit with 0, classified as the type's doc says.
        /// Its message is posted to the moderators' channel, so it carries no word of rclone's
        /// standard error (which can echo a remote's URL, account or key): the last line of
        /// that goes to the log instead, under the same step.
        func failure(_ action: String, logger: Logger) -> PortFailure {
            if let line = RcloneArchive.lastLine(of: errorTail) {
                logger.warning("rclone failed", metadata: ["rclone.step": "\(step)", "rclone.stderr": "\(line)"])
            }
            let seeLog = "; its error output is in the bot's log"
            switch status {
            case .exited(let code):
                let kind: PortFailure.Kind = code == 2 || code == 5 ? .transient : .permanent
                let meaning = RcloneArchive.exitCodeMeanings[code].map { ", \($0)" } ?? ""
                return PortFailure(kind, "rclone: cannot \(action) (\(step) exit code \(code)\(meaning))\(seeLog)")
            case .signaled(let signal):
                return .transient("rclone: cannot \(action) (\(step) ended by signal \(signal))\(seeLog)")
            }
        }
    }

    /// rclone's documented exit codes, for messages a moderator reads.
    static let exitCodeMeanings: [Int32: String] = [
        1: "syntax or usage error", 2: "error not otherwise categorised", 3: "directory not found", 4: "file not found",
        5: "temporary error", 6: "less serious errors", 7: "fatal error", 8: "transfer limit exceeded", 9: "no files transferred",
    ]

    /// The most standard output a run keeps: `lsjson --stat` prints one small object, and more
    /// than this is a failure rather than memory spent.
    static let maxOutputBytes = 64 * 1024
    /// The end of standard error that is kept while rclone runs; only its last line is quoted.
    static let keptErrorBytes = 4 * 1024

    /// What rclone may see of the bot's own environment besides `RCLONE_*`: where to find
    /// programs, its home and temporary folders, certificates and proxies. The bot's tokens and
    /// keys live in the same environment and are not rclone's business.
    static let inheritedSystemVariables: Set<String> = [
        "PATH", "HOME", "TMPDIR", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "SSL_CERT_FILE", "SSL_CERT_DIR",
        "HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY", "http_proxy", "https_proxy", "no_proxy",
    ]

    /// The child's whole environment: the inherited system variables and `RCLONE_*`, then
    /// `additions` (the configured rclone settings) over them.
    static func childEnvironment(inherited: [String: String], additions: [String: String]) -> [String: String] {
        inherited.filter { inheritedSystemVariables.contains($0.key) || $0.key.hasPrefix("RCLONE_") }.merging(additions) { $1 }
    }

    /// Runs rclone with `arguments`, kills it when `timeout` passes or the task is cancelled.
    func runRclone(_ arguments: [String], timeout: Duration, step: String) async throws -> RunOutcome {
        let executable: Executable = rcloneBinary.contains("/") ? .path(FilePath(rcloneBinary)) : .name(rcloneBinary)
        var variables: [Environment.Key: String] = [:]
        for (name, value) in Self.childEnvironment(inherited: ProcessInfo.processInfo.environment, additions: environment) {
            guard let key = Environment.Key(rawValue: name) else {
                throw PortFailure.permanent("rclone: an environment variable name for rclone is not valid")
            }
            variables[key] = value
        }
        let configuration = Configuration(executable: executable, arguments: Arguments(arguments), environment: .custom(variables))
        let binary = rcloneBinary

        do {
            let outcome = try await withThrowingTaskGroup(of: RunOutcome?.self) { group in
                // Cancelling the run's task makes swift-subprocess send SIGKILL and reap the child.
                group.addTask { try await Self.execute(configuration, binary: binary, step: step) }
                group.addTask {
                    try await Task.sleep(for: timeout)
                    return nil
                }
                defer { group.cancelAll() }
                guard let finished = try await group.next(), let outcome = finished else {
                    throw PortFailure.transient("rclone: \(step) did not finish within \(timeout) and was stopped")
                }
                return outcome
            }
            try Task.checkCancellation()
            return outcome
        } catch {
            // A run killed because the caller was cancelled reports the cancellation, not a
            // signal or an I/O error.
            try Task.checkCancellation()
            throw error
        }
    }

    private static func execute(_ configuration: Configuration, binary: String, step: String) async throws -> RunOutcome {
        do {
            let result = try await run(configuration, input: .none, output: .bytes(limit: maxOutputBytes), error: .sequence) { execution in
                var tail: [UInt8] = []
                for try await buffer in execution.standardError {
                    buffer.withUnsafeBytes { tail.append(contentsOf: $0) }
                    if tail.count > keptErrorBytes {
                        tail.removeFirst(tail.count - keptErrorBytes)
                    }
                }
                return tail
            }
            return RunOutcome(step: step, status: result.terminationStatus, standardOutput: result.standardOutput, errorTail: result.closureResult)
        } catch let error as SubprocessError {
            switch error.code {
            case .executableNotFound:
                throw PortFailure.permanent("rclone: the program \(binary) was not found; install rclone or set its path")
            case .spawnFailed:
                throw PortFailure.permanent("rclone: cannot start \(binary)\(error.underlyingError.map { ": \($0.description)" } ?? "")")
            case .outputLimitExceeded:
                throw PortFailure.permanent("rclone: \(step) printed more than \(maxOutputBytes) bytes")
            default:
                throw PortFailure.transient("rclone: lost track of \(step)\(error.underlyingError.map { ": \($0.description)" } ?? "")")
            }
        }
    }

    /// The last non-empty line of rclone's standard error, without its timestamp, with control
    /// characters turned into spaces, cut to `maxQuotedErrorBytes`.
    static func lastLine(of errorTail: [UInt8]) -> String? {
        let text = String(decoding: errorTail, as: UTF8.self)
        guard let line = text.split(whereSeparator: \.isNewline).last(where: { !$0.allSatisfy(\.isWhitespace) }) else { return nil }
        var cleaned = String(String.UnicodeScalarView(line.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : $0 }))
        // rclone starts each log line with `2006/01/02 15:04:05 `.
        if let match = cleaned.prefixMatch(of: #/\d{4}/\d{2}/\d{2} \d{2}:\d{2}:\d{2}(\.\d+)? /#) {
            cleaned.removeSubrange(match.range)
        }
        let trimmed = cleaned.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? nil : ArchivePath.prefix(of: trimmed, maxBytes: maxQuotedErrorBytes)
    }
}
