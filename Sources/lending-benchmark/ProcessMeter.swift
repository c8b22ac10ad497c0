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
        cpuTimes().map { $0.user + $0.kernel }
    }

    /// CPU time so far in the process's own code and libraries (`utime`) and in the kernel on its
    /// behalf (`stime`: system calls, socket sends and receives, waking and switching threads), in
    /// seconds.
    func cpuTimes() -> (user: Double, kernel: Double)? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let end = stat.lastIndex(of: ")") else { return nil }
        // After the command name in parentheses: field 3 (state) onwards; utime and stime are fields 14 and 15.
        let fields = stat[stat.index(after: end)...].split(separator: " ")
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
        let ticks = Double(sysconf(Int32(_SC_CLK_TCK)))
        return (user / ticks, system / ticks)
    }

    /// Voluntary context switches of all the process's threads so far (`voluntary_ctxt_switches` of
    /// each `/proc/PID/task/TID/status`): how often a thread gave up the processor to wait (for a
    /// socket, a lock, another thread's work), so, like an instruction count, a figure of the
    /// bot's design that the machine's load hardly moves. Threads that ended are not counted.
    func voluntaryContextSwitches() -> Int? {
        guard let threads = try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task") else { return nil }
        var total = 0
        for thread in threads {
            guard let status = try? String(contentsOfFile: "/proc/\(pid)/task/\(thread)/status", encoding: .utf8),
                  let line = status.split(separator: "\n").first(where: { $0.hasPrefix("voluntary_ctxt_switches:") }),
                  let count = line.split(separator: "\t").last.flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }) else { continue }
            total += count
        }
        return total
    }

    /// Resident memory by what is mapped (a library, `[heap]`, `[anon]` for anonymous mappings:
    /// thread stacks and malloc's arenas), largest first, in MiB, from `/proc/PID/smaps`: where
    /// idle memory goes.
    func residentByMapping() -> [(name: String, mebibytes: Double)] {
        // Read to the end: procfs reports a size of 0, and a reader that trusts it stops early.
        guard let file = FileHandle(forReadingAtPath: "/proc/\(pid)/smaps") else { return [] }
        defer { try? file.close() }
        let smaps = String(decoding: file.readDataToEndOfFile(), as: UTF8.self)
        var totals: [String: Double] = [:]
        var current = "[anon]"
        for line in smaps.split(separator: "\n") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            if let first = fields.first, first.contains("-"), !first.hasSuffix(":") {
                current = fields.count >= 6 ? String(fields[5...].joined(separator: " ").split(separator: "/").last ?? "") : "[anon]"
            } else if fields.first == "Rss:", fields.count >= 2, let kibibytes = Double(fields[1]) {
                totals[current, default: 0] += kibibytes / 1024
            }
        }
        return totals.map { (name: $0.key, mebibytes: $0.value) }.sorted { $0.mebibytes > $1.mebibytes }
    }
}
