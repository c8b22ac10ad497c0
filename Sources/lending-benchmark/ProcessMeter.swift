import Foundation
import Glibc

/// Reads a running process's memory and CPU time from `/proc`, as `ps` and `top` do.
struct ProcessMeter: Sendable {
    let pid: pid_t

    static let current = ProcessMeter(pid: getpid())

    /// Resident set size (`VmRSS` of `/proc/PID/status`) in MiB.
    func residentMebibytes() -> Double? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
              let kibibytes = line.split(separator: " ").dropFirst().first.flatMap({ Double($0) }) else { return nil }
        return kibibytes / 1024
    }

    /// User plus system CPU time so far (`utime` + `stime` of `/proc/PID/stat`), in seconds.
    func cpuSeconds() -> Double? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let end = stat.lastIndex(of: ")") else { return nil }
        // After the command name in parentheses: field 3 (state) onwards; utime and stime are fields 14 and 15.
        let fields = stat[stat.index(after: end)...].split(separator: " ")
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }
}
