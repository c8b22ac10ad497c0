import Foundation

/// One row of `lending-bot doctor`'s table: what was checked, how it went, and one line that
/// names the variable involved and what to do. A detail never holds a secret's value.
public struct DoctorCheck: Sendable, Equatable {
    public enum Status: String, Sendable, Equatable {
        /// Usable as it is.
        case ok
        /// Usable, but something an operator likely wants to know: an optional feature is off
        /// (no notify channel, no archive), migrations that `run` will apply, commands that `run`
        /// will register, an rclone remote that did not answer this time.
        case warning
        /// Not usable: the bot would fail to start or fail at the first loan.
        case failed
        /// Not checked because something it depends on already failed (or is not set).
        case skipped
    }

    public let name: String
    public let status: Status
    public let detail: String

    public init(_ name: String, _ status: Status, _ detail: String) {
        self.name = name
        self.status = status
        self.detail = detail
    }
}

/// Every check `lending-bot doctor` ran, in order.
public struct DoctorReport: Sendable, Equatable {
    public var checks: [DoctorCheck]

    public init(checks: [DoctorCheck] = []) {
        self.checks = checks
    }

    /// True when no check failed: warnings and skipped rows leave the bot usable.
    public var isUsable: Bool { !checks.contains { $0.status == .failed } }

    /// The first row named `name`, for tests and callers that look one up.
    public func check(_ name: String) -> DoctorCheck? {
        checks.first { $0.name == name }
    }

    /// The rows as an aligned table with a header, then a summary line.
    public func table() -> String {
        let header = DoctorCheck("CHECK", .ok, "DETAIL")
        let nameWidth = ([header] + checks).map(\.name.count).max() ?? 0
        let statusWidth = max("STATUS".count, checks.map(\.status.rawValue.count).max() ?? 0)
        func line(_ name: String, _ status: String, _ detail: String) -> String {
            name.padding(toLength: nameWidth, withPad: " ", startingAt: 0) + "  "
                + status.padding(toLength: statusWidth, withPad: " ", startingAt: 0) + "  " + detail
        }
        var lines = [line("CHECK", "STATUS", "DETAIL")]
        lines += checks.map { line($0.name, $0.status.rawValue, $0.detail) }
        let failed = checks.filter { $0.status == .failed }.count
        let warnings = checks.filter { $0.status == .warning }.count
        lines.append("")
        lines.append(failed == 0
            ? "usable: \(checks.count) checks, \(warnings) warning(s)"
            : "not usable: \(failed) failed, \(warnings) warning(s); fix the failed rows and run lending-bot doctor again")
        return lines.joined(separator: "\n")
    }

    /// The same rows as `table()`, as one JSON object for scripts and monitoring:
    /// `{"checks":[{"name":…,"status":"ok|warning|failed|skipped","detail":…}],"ok":…}`, where
    /// `ok` is `isUsable`. It carries exactly the table's text, so no more secrets than the table.
    public func json() throws -> String {
        struct Row: Encodable {
            let name: String
            let status: String
            let detail: String
        }
        struct Document: Encodable {
            let checks: [Row]
            let ok: Bool
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let document = Document(checks: checks.map { Row(name: $0.name, status: $0.status.rawValue, detail: $0.detail) }, ok: isUsable)
        return String(decoding: try encoder.encode(document), as: UTF8.self)
    }
}
