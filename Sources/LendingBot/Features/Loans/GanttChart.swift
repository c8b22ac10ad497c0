import Foundation
import Lending

/// A plain-text Gantt chart of loans for a monospace code block: one row per loan, one 3-column
/// cell per day, today marked above its column.
///
/// Only ASCII goes inside the chart, so the columns line up in every Discord client and font
/// (CJK fonts draw many symbols, even `·`, two columns wide); the one localised word, "today",
/// ends its line and moves nothing. A row starts with `!` when its loan is overdue.
///
/// ```
///                    v today
///     ID  server     31  1  2  3  4  5
/// ----------------------------------------
///     #1  server01    .  . [=======]  .
/// ```
struct GanttChart: Sendable {
    struct Bar: Sendable, Equatable {
        var id: Int
        var server: String
        var start: CalendarDate
        var end: CalendarDate
    }

    var today: CalendarDate
    /// Days shown before today and after it.
    var daysBefore = 2
    var daysAfter = 13
    static let cell = 3
    static let maxServerWidth = 12

    /// The days across, oldest first.
    var days: [CalendarDate] {
        (-daysBefore...daysAfter).map { today.adding(days: $0) }
    }

    func render(_ bars: [Bar], todayLabel: String) -> String {
        let idWidth = max(5, bars.map { "#\($0.id)".count }.max() ?? 0)
        let serverWidth = min(Self.maxServerWidth, max(8, bars.map { Self.ascii($0.server).count }.max() ?? 0))
        let left = 1 + idWidth + 2 + serverWidth
        let days = self.days
        var lines: [String] = []
        lines.append(String(repeating: " ", count: left + daysBefore * Self.cell + Self.cell - 1) + "v " + todayLabel)
        let title = Self.pad(" " + Self.right("ID", idWidth) + "  server", left)
        lines.append(title + days.map { Self.right(String($0.day), Self.cell) }.joined())
        lines.append(String(repeating: "-", count: left + days.count * Self.cell))
        for bar in bars {
            let mark = bar.end < today ? "!" : " "
            let label = mark + Self.right("#\(bar.id)", idWidth) + "  " + Self.pad(Self.ascii(bar.server), serverWidth)
            lines.append(label + days.map { cell(for: $0, in: bar) }.joined())
        }
        return lines.joined(separator: "\n")
    }

    private func cell(for day: CalendarDate, in bar: Bar) -> String {
        if day < bar.start || day > bar.end { return "  ." }
        switch (day == bar.start, day == bar.end) {
        case (true, true): return " []"
        case (true, false): return " [="
        case (false, true): return "==]"
        case (false, false): return "==="
        }
    }

    /// Printable ASCII only, no backticks (which could end the code block).
    static func ascii(_ text: String) -> String {
        String(text.unicodeScalars.map { $0.isASCII && $0.value >= 0x20 && $0.value < 0x7F && $0 != "`" ? Character($0) : "?" })
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? String(text.prefix(width)) : text + String(repeating: " ", count: width - text.count)
    }

    static func right(_ text: String, _ width: Int) -> String {
        text.count >= width ? String(text.suffix(width)) : String(repeating: " ", count: width - text.count) + text
    }
}

extension CalendarDate {
    /// The day `days` later (earlier when negative).
    func adding(days: Int) -> CalendarDate {
        let utc = TimeZone(identifier: "UTC") ?? .current
        return CalendarDate(containing: start(in: utc).addingTimeInterval(Double(days) * 86_400), in: utc)
    }
}
