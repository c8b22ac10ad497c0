import Foundation
import Glibc
import LendingBot
import TestSupport

/// The built `lending-bot run` as a process of its own, as an operator starts it: what it holds
/// can then be read from `/proc` apart from the test process, whose simulators keep every
/// request they receive.
struct SeparateBot: Sendable {
    let process: ChildProcess

    /// The executable SwiftPM built beside this test bundle (the target depends on its product).
    static var executable: String {
        URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent("lending-bot").path
    }

    /// Spawns `lending-bot run` with `values` over the test process's environment, from which
    /// every variable of the bot's is taken out first, so that no developer setting leaks in.
    static func start(_ values: [String: String]) throws -> SeparateBot {
        let names = Set(BotConfiguration.environmentVariableNames)
        var environment = ProcessInfo.processInfo.environment.filter { key, _ in !names.contains(key) }
        environment.merge(values) { $1 }
        return SeparateBot(process: try ChildProcess(executable, ["run"], environment: environment))
    }

    var pid: pid_t { process.processID }

    /// Resident set size (`VmRSS` of `/proc/PID/status`) in KiB; nil once the process is gone.
    func residentKibibytes() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }) else { return nil }
        return line.split(separator: " ").dropFirst().first.flatMap { Int($0) }
    }

    /// User plus system CPU time so far (`utime` + `stime` of `/proc/PID/stat`), in clock ticks.
    func cpuTicks() -> Int? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let end = stat.lastIndex(of: ")") else { return nil }
        // After the command name in parentheses come field 3 (state) onwards; utime and stime are fields 14 and 15.
        let fields = stat[stat.index(after: end)...].split(separator: " ")
        guard fields.count > 12, let user = Int(fields[11]), let system = Int(fields[12]) else { return nil }
        return user + system
    }

    /// The exit status if the process has already exited.
    func exitStatus() async -> Int32? {
        try? await process.waitForExit(timeout: .zero)
    }

    /// SIGTERM, as a supervisor stops it; SIGKILL if it has not exited within `grace`. Returns
    /// the exit status (137 after SIGKILL).
    @discardableResult
    func stop(grace: Duration = .seconds(30)) async -> Int32? {
        process.send(SIGTERM)
        if let status = try? await process.waitForExit(timeout: grace) { return status }
        process.terminate()
        return try? await process.waitForExit(timeout: .zero)
    }
}
