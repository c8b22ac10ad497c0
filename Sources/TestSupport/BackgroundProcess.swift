import Foundation
import CSpawn
import Glibc

/// A helper program that runs beside a test (a TLS front, a server) and is stopped by it: started with
/// `posix_spawnp`, its first line of output read to learn what it announced, ended with SIGKILL.
public final class BackgroundProcess: @unchecked Sendable {
    /// Set once in `start`; `stop` is the only other place that touches it, under `lock`.
    private var pid: pid_t
    private let output: Int32
    private let lock = NSLock()

    public struct StartFailed: Error, CustomStringConvertible {
        public let description: String
    }

    /// Starts `executable` and waits (on a thread of its own) for its first line of standard output.
    public static func start(_ executable: String, _ arguments: [String]) async throws -> (process: BackgroundProcess, firstLine: String) {
        try await withCheckedThrowingContinuation { continuation in
            Thread {
                continuation.resume(with: Result { try startBlocking(executable, arguments) })
            }.start()
        }
    }

    private static func startBlocking(_ executable: String, _ arguments: [String]) throws -> (process: BackgroundProcess, firstLine: String) {
        var outputPipe: [Int32] = [0, 0]
        // Close-on-exec, so that no other child spawned meanwhile inherits it (see `Subprocess`).
        guard c_pipe_cloexec(&outputPipe) == 0 else { throw StartFailed(description: "pipe failed") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, outputPipe[1], 1)
        // Nothing else of this process reaches the child (see `Subprocess`).
        _ = c_spawn_close_from(&actions, 3)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, executable, &actions, nil, argv, environ)
        close(outputPipe[1])
        guard spawned == 0 else {
            close(outputPipe[0])
            throw StartFailed(description: "cannot start \(executable): \(String(cString: strerror(spawned)))")
        }
        let process = BackgroundProcess(pid: pid, output: outputPipe[0])
        var line: [UInt8] = []
        var byte: UInt8 = 0
        while read(outputPipe[0], &byte, 1) == 1, byte != UInt8(ascii: "\n") { line.append(byte) }
        guard !line.isEmpty else {
            process.stop()
            throw StartFailed(description: "\(executable) ended before it announced anything")
        }
        return (process, String(decoding: line, as: UTF8.self))
    }

    private init(pid: pid_t, output: Int32) {
        self.pid = pid
        self.output = output
    }

    /// Kills and reaps the process; safe to call more than once. SIGKILL because a child inherits the
    /// test runner's blocked signals, and SIGTERM was seen to stay pending forever.
    public func stop() {
        lock.lock()
        defer { lock.unlock() }
        guard pid > 0 else { return }
        kill(pid, SIGKILL)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        close(output)
        pid = 0
    }

    deinit { stop() }
}
