import CSpawn
import Foundation
import Glibc

/// A program a test starts, signals and waits for, as an operator or a supervisor would: started
/// with `posix_spawnp` and its own environment, its output collected in temporary files (readable at
/// any time), stopped with the signal the test chooses, and always reaped.
public final class ChildProcess: @unchecked Sendable {
    /// Set in `init`; changed only by `reap`, under `lock`.
    private var pid: pid_t
    private var exitStatus: Int32?
    private let outputFile: URL
    private let errorFile: URL
    private let lock = NSLock()

    public struct LaunchFailed: Error, CustomStringConvertible {
        public let description: String
    }

    public struct StillRunning: Error, CustomStringConvertible {
        public let description: String
    }

    public init(_ executable: String, _ arguments: [String], environment: [String: String]) throws {
        let folder = FileManager.default.temporaryDirectory
        let tag = UUID().uuidString.prefix(8)
        outputFile = folder.appendingPathComponent("child-\(tag).out")
        errorFile = folder.appendingPathComponent("child-\(tag).err")
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputFile.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errorFile.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        // Only those three, as a supervisor starts it: none of the test process's sockets and pipes.
        _ = c_spawn_close_from(&actions, 3)
        // A fresh signal state, as a shell gives its children: the test process may block or
        // ignore signals (an ignored disposition and the mask both survive exec).
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for number in [SIGHUP, SIGINT, SIGQUIT, SIGPIPE, SIGTERM, SIGCHLD] { sigaddset(&defaults, number) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        posix_spawnattr_setsigmask(&attributes, &unblocked)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var child: pid_t = 0
        let spawned = posix_spawnp(&child, executable, &actions, &attributes, argv, envp)
        guard spawned == 0 else { throw LaunchFailed(description: "cannot start \(executable): \(String(cString: strerror(spawned)))") }
        pid = child
    }

    /// The process id, for reading `/proc/<pid>/` (memory, CPU time) while it runs.
    public var processID: Int32 { lock.withLock { pid } }

    public var standardOutput: String { (try? String(contentsOf: outputFile, encoding: .utf8)) ?? "" }
    public var standardError: String { (try? String(contentsOf: errorFile, encoding: .utf8)) ?? "" }

    /// Sends `signal` (SIGTERM, SIGINT, ...) unless the process has been reaped.
    public func send(_ signal: Int32) {
        lock.withLock {
            if exitStatus == nil { _ = kill(pid, signal) }
        }
    }

    /// The exit code (128 + signal for a signal death), polling until `timeout`; throws
    /// `StillRunning` if the process is still alive then.
    public func waitForExit(timeout: Duration) async throws -> Int32 {
        let deadline = ContinuousClock.now + timeout
        while true {
            if let status = reap(blocking: false) { return status }
            guard ContinuousClock.now < deadline else { throw StillRunning(description: "the process did not exit within \(timeout)") }
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    /// Kills and reaps the process if it still runs, and removes the output files.
    public func terminate() {
        send(SIGKILL)
        _ = reap(blocking: true)
        try? FileManager.default.removeItem(at: outputFile)
        try? FileManager.default.removeItem(at: errorFile)
    }

    private func reap(blocking: Bool) -> Int32? {
        lock.withLock {
            if let exitStatus { return exitStatus }
            var status: Int32 = 0
            var result: pid_t
            repeat { result = waitpid(pid, &status, blocking ? 0 : WNOHANG) } while result == -1 && errno == EINTR
            guard result == pid else { return nil }
            // WIFEXITED / WEXITSTATUS are macros; a signal death is reported as 128 + signal, as shells do.
            exitStatus = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
            return exitStatus
        }
    }

    deinit { terminate() }
}
