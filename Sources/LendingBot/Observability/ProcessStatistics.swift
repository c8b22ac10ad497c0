import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The `process_*` series, read from `/proc/self` at scrape time as Prometheus's own clients do.
/// A value Linux does not give (another system, a file that cannot be read) is nil and leaves
/// its gauge as it was.
struct ProcessStatistics: Sendable, Equatable {
    var residentMemoryBytes: Double?
    var cpuSeconds: Double?
    var openFDs: Double?
    var maxFDs: Double?
    var startTimeSeconds: Double?

    static func read() -> ProcessStatistics {
        let ticks = clockTicksPerSecond
        var statistics = ProcessStatistics()
        if let status = text("/proc/self/status") {
            statistics.residentMemoryBytes = residentKilobytes(status).map { $0 * 1024 }
        }
        if let stat = text("/proc/self/stat"), let fields = statFields(stat), fields.count > 19,
           let user = Double(fields[11]), let system = Double(fields[12]), let started = Double(fields[19]) {
            statistics.cpuSeconds = (user + system) / ticks
            if let boot = text("/proc/stat").flatMap(bootTime) {
                statistics.startTimeSeconds = boot + started / ticks
            }
        }
        if let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd") {
            // The listing itself holds one descriptor open while it reads; Prometheus's clients count it too.
            statistics.openFDs = Double(entries.count)
        }
        statistics.maxFDs = text("/proc/self/limits").flatMap(softOpenFileLimit)
        return statistics
    }

    private static func text(_ path: String) -> String? {
        (try? Data(contentsOf: URL(fileURLWithPath: path))).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Clock ticks per second of `/proc/self/stat`'s times; 100 on every Linux this runs on.
    private static var clockTicksPerSecond: Double {
        #if canImport(Glibc)
        let ticks = sysconf(Int32(_SC_CLK_TCK))
        return ticks > 0 ? Double(ticks) : 100
        #else
        return 100
        #endif
    }

    /// `VmRSS:   12345 kB` of `/proc/self/status`.
    static func residentKilobytes(_ status: String) -> Double? {
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") }
        return line.flatMap { $0.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first }.flatMap { Double($0) }
    }

    /// The fields after the command name, which is in parentheses and may itself hold spaces and
    /// parentheses: index 0 is field 3 (`state`) of proc(5).
    static func statFields(_ stat: String) -> [Substring]? {
        guard let close = stat.lastIndex(of: ")") else { return nil }
        return stat[stat.index(after: close)...].split(whereSeparator: \.isWhitespace)
    }

    /// `btime` of `/proc/stat`: when the system booted, in seconds since the epoch.
    static func bootTime(_ stat: String) -> Double? {
        let line = stat.split(separator: "\n").first { $0.hasPrefix("btime ") }
        return line.flatMap { $0.split(separator: " ").last }.flatMap { Double($0) }
    }

    /// The soft limit of `Max open files` in `/proc/self/limits`.
    static func softOpenFileLimit(_ limits: String) -> Double? {
        let line = limits.split(separator: "\n").first { $0.hasPrefix("Max open files") }
        return line.flatMap { $0.dropFirst("Max open files".count).split(separator: " ").first }.flatMap { Double($0) }
    }
}
