import Foundation
import Lending
@testable import LendingBot
import Testing

@Suite("Gantt chart and loan text")
struct GanttChartTests {
    static func day(_ month: Int, _ day: Int) -> CalendarDate {
        CalendarDate(year: 2026, month: month, day: day)!
    }

    static let chart = GanttChart(today: day(1, 10))

    @Test("a row has one 3-column cell per day, brackets on the first and last day, and the marker sits over today's number")
    func cells() {
        let text = Self.chart.render([GanttChart.Bar(id: 7, server: "server01", start: Self.day(1, 10), end: Self.day(1, 12))], todayLabel: "today")
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        let header = lines[1]
        let row = lines[3]
        #expect(row.hasPrefix("    #7  server01"))
        #expect(row.hasSuffix("  .  . [======]" + String(repeating: "  .", count: 11)))
        let marker = lines[0].firstIndex(of: "v").map { lines[0].distance(from: lines[0].startIndex, to: $0) }
        let todayColumn = header.range(of: " 10 ").map { header.distance(from: header.startIndex, to: $0.lowerBound) + 2 }
        #expect(marker == todayColumn)
        #expect(Set(lines.dropFirst().map(\.count)).count == 1, "header, rule and rows are equally wide")
    }

    @Test("a one-day loan, an overdue loan and a loan that began before the window")
    func edges() {
        let text = Self.chart.render([
            GanttChart.Bar(id: 1, server: "a", start: Self.day(1, 11), end: Self.day(1, 11)),
            GanttChart.Bar(id: 2, server: "b", start: Self.day(1, 1), end: Self.day(1, 9)),
            GanttChart.Bar(id: 3, server: "c", start: Self.day(1, 1), end: Self.day(2, 28)),
        ], todayLabel: "今日")
        let rows = text.split(separator: "\n").dropFirst(3).map(String.init)
        #expect(rows[0].contains("  .  .  . []  ."))
        #expect(rows[1].hasPrefix("!"))
        #expect(rows[1].contains("=====]  .  ."))
        #expect(rows[2].hasSuffix(String(repeating: "===", count: 16)))
    }

    @Test("aliases are cut to a fixed width and anything but printable ASCII is replaced, so no backtick ends the block")
    func hostileAliases() {
        let text = Self.chart.render([
            GanttChart.Bar(id: 123_456, server: "サーバー```" + String(repeating: "x", count: 40), start: Self.day(1, 10), end: Self.day(1, 10)),
        ], todayLabel: "today")
        #expect(!text.contains("`"))
        #expect(text.allSatisfy { $0.isASCII || "今日".contains($0) })
        let row = text.split(separator: "\n")[3]
        #expect(row.count == 1 + 7 + 2 + GanttChart.maxServerWidth + 16 * 3)
    }

    @Test("clipping counts Unicode scalars as Discord does and never splits a character", arguments: [
        ("short", 10, "short"),
        (String(repeating: "a", count: 101), 100, String(repeating: "a", count: 99) + "…"),
        (String(repeating: "🇯🇵", count: 60), 100, String(repeating: "🇯🇵", count: 49) + "…"),
    ])
    func clip(text: String, limit: Int, expected: String) {
        let clipped = Limits.cut(text, limit)
        #expect(clipped == expected)
        #expect(clipped.unicodeScalars.count <= limit)
    }

    @Test("a member's text keeps its look in Markdown")
    func escaping() {
        #expect(LoanText.escaped("**bold** <@1> `x`") == "\\*\\*bold\\*\\* \\<\\@1\\> \\`x\\`")
        #expect(LoanText.oneLine("a\nb\t c") == "a b c")
    }
}
