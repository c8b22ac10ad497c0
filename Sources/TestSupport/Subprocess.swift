public import Foundation
import CSpawn
import Glibc

/// Runs a program to completion with a given standard input and collects what it printed.
///
/// Written on `posix_spawnp` and `waitpid` because Foundation's `Process` on Linux sometimes never
/// notices that its child exited. Standard input comes from a temporary file rather than a pipe, so
/// a child that prints before reading can never deadlock against us. The blocking work runs on a
/// thread of its own, never on Swift's cooperative pool.
public enum Subprocess {
    public struct Outcome: Sendable {
        public let status: Int32
        public let standardOutput: String
        public let standardError: String
    }

    public struct LaunchFailed: Error, CustomStringConvertible {
        public let executable: String
        public let errorNumber: Int32
        public var description: String { "cannot start \(executable): \(String(cString: strerror(errorNumber)))" }
    }

    /// Starts `executable` (looked up in PATH) with `arguments` and `environment` (this process's
    /// when nil), feeds it `input`, and waits.
    public static func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil, input: Data = Data()) async throws -> Outcome {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                continuation.resume(with: Result { try runBlocking(executable, arguments, environment: environment, input: input) })
            }
            thread.start()
        }
    }

    private static func runBlocking(_ executable: String, _ arguments: [String], environment: [String: String]?, input: Data) throws -> Outcome {
        let inputURL = FileManager.default.temporaryDirectory.appendingPathComponent("subprocess-stdin-\(UUID().uuidString)")
        try input.write(to: inputURL)
        defer { try? FileManager.default.removeItem(at: inputURL) }

        // Close-on-exec from the start: a child that another test spawns at the same moment (by
        // any means) must not inherit these ends, or a daemon it leaves running (a PostgreSQL
        // server) would hold the write end open and `drain` would wait for its end forever.
        // `adddup2` gives this child its own copies on 1 and 2, which stay open across exec.
        var outputPipe: [Int32] = [0, 0]
        var errorPipe: [Int32] = [0, 0]
        guard c_pipe_cloexec(&outputPipe) == 0 else { throw LaunchFailed(executable: executable, errorNumber: errno) }
        guard c_pipe_cloexec(&errorPipe) == 0 else {
            close(outputPipe[0])
            close(outputPipe[1])
            throw LaunchFailed(executable: executable, errorNumber: errno)
        }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, inputURL.path, O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, outputPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errorPipe[1], 2)
        // Nothing else of this process reaches the child: another test's sockets and pipes would
        // stay open as long as the child, or a daemon it starts, lives.
        _ = c_spawn_close_from(&actions, 3)

        let environmentLines = (environment ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environmentLines.map { strdup($0) } + [nil]
        defer { (argv + envp).forEach { free($0) } }

        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, executable, &actions, nil, argv, envp)
        close(outputPipe[1])
        close(errorPipe[1])
        guard spawned == 0 else {
            close(outputPipe[0])
            close(errorPipe[0])
            throw LaunchFailed(executable: executable, errorNumber: spawned)
        }
        let (output, errors) = drain(outputPipe[0], errorPipe[0])
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        // WIFEXITED / WEXITSTATUS are macros; a signal death is reported as 128 + signal, as shells do.
        let exitCode = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return Outcome(status: exitCode, standardOutput: output, standardError: errors)
    }

    /// Reads both pipes until both close, so a child that fills one never blocks on it.
    private static func drain(_ first: Int32, _ second: Int32) -> (String, String) {
        var buffers: [Int32: [UInt8]] = [first: [], second: []]
        var open = [first, second]
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while !open.isEmpty {
            var descriptors = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            guard poll(&descriptors, nfds_t(descriptors.count), -1) >= 0 || errno == EINTR else { break }
            for descriptor in descriptors where descriptor.revents != 0 {
                let count = read(descriptor.fd, &chunk, chunk.count)
                if count > 0 {
                    buffers[descriptor.fd, default: []].append(contentsOf: chunk[0..<count])
                } else if count == 0 || errno != EINTR {
                    close(descriptor.fd)
                    open.removeAll { $0 == descriptor.fd }
                }
            }
        }
        return (String(decoding: buffers[first] ?? [], as: UTF8.self), String(decoding: buffers[second] ?? [], as: UTF8.self))
    }
}
