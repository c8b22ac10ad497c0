import Foundation
import Postgres

/// What the test process holds at one moment: open file descriptors, threads, resident memory,
/// and the sessions PostgreSQL has open on the test's database.
struct ProcessResources: Sendable, CustomStringConvertible {
    let fileDescriptors: Int
    let threads: Int
    let residentKilobytes: Int
    let databaseSessions: Int

    static func measure(_ pool: PostgresPool) async throws -> ProcessResources {
        let sessions = try await pool.query("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database()",
                                            named: "database sessions")
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        return ProcessResources(
            fileDescriptors: ((try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []).count,
            threads: field("Threads", in: status),
            residentKilobytes: field("VmRSS", in: status),
            databaseSessions: try sessions.first?.decode("n", as: Int.self) ?? 0)
    }

    /// The number after `name:` in /proc/self/status.
    private static func field(_ name: String, in status: String) -> Int {
        for line in status.split(separator: "\n") where line.hasPrefix("\(name):") {
            return Int(line.dropFirst(name.count + 1).split(whereSeparator: \.isWhitespace).first ?? "") ?? 0
        }
        return 0
    }

    var description: String {
        "\(fileDescriptors) fds, \(threads) threads, \(residentKilobytes / 1024) MiB resident, \(databaseSessions) database sessions"
    }
}
