import Lending
import Testing

@Suite("How moderators may write a day")
struct CalendarDateReadingTests {
    static let today = CalendarDate(year: 2026, month: 12, day: 5)!

    static func day(_ year: Int, _ month: Int, _ day: Int) -> CalendarDate {
        CalendarDate(year: year, month: month, day: day)!
    }

    @Test("dated forms: ISO with - or /, Japanese with or without 日, full-width digits, spaces around", arguments: [
        "2026-12-24", "2026/12/24", "2026-12-24 ", "　2026-12-24", "2026年12月24日", "2026年12月24", "２０２６－１２－２４", "２０２６年１２月２４日",
    ])
    func dated(text: String) {
        #expect(CalendarDate.reading(text, today: Self.today) == .date(Self.day(2026, 12, 24)))
    }

    @Test("a year-less day is the next one from today: later this year, today itself, or next year once passed")
    func yearless() {
        #expect(CalendarDate.reading("12/24", today: Self.today) == .date(Self.day(2026, 12, 24)))
        #expect(CalendarDate.reading("12月24日", today: Self.today) == .date(Self.day(2026, 12, 24)))
        #expect(CalendarDate.reading("１月２０日", today: Self.today) == .date(Self.day(2027, 1, 20)))
        let twentieth = Self.day(2026, 12, 20)
        #expect(CalendarDate.reading("12/20", today: twentieth) == .date(twentieth))
        #expect(CalendarDate.reading("12/19", today: twentieth) == .date(Self.day(2027, 12, 19)))
        #expect(CalendarDate.reading("12月4日", today: Self.today) == .date(Self.day(2027, 12, 4)))
        // Only one reading names a month: 24/12 is the 24th of December.
        #expect(CalendarDate.reading("24/12", today: Self.today) == .date(Self.day(2026, 12, 24)))
        #expect(CalendarDate.reading("1/1", today: Self.today) == .date(Self.day(2027, 1, 1)))
    }

    @Test("3/4 could be either; both are named, month-first first")
    func ambiguous() {
        #expect(CalendarDate.reading("3/4", today: Self.today) == .ambiguous(Self.day(2027, 3, 4), Self.day(2027, 4, 3)))
        #expect(CalendarDate.reading("12/11", today: Self.today) == .ambiguous(Self.day(2026, 12, 11), Self.day(2027, 11, 12)))
        // The Japanese form names the month, so it is never ambiguous.
        #expect(CalendarDate.reading("3月4日", today: Self.today) == .date(Self.day(2027, 3, 4)))
    }

    @Test("days the calendar lacks", arguments: ["2026-02-30", "2026/13/01", "2026年2月29日", "2/30", "2月29日", "13/13", "0/5"])
    func noSuchDay(text: String) {
        // 2027 is not a leap year either, so 2/29 seen from December 2026 has no next occurrence.
        #expect(CalendarDate.reading(text, today: Self.today) == .noSuchDay)
    }

    @Test("anything else is unreadable", arguments: [
        "", "next friday", "01-20", "2026-12/24", "26-12-24", "2026-123-4", "12/24/2026", "12/24/", "/12/24", "2026年12月",
        "12月", "24日", "١٢/٢٤", "2026-12-24T00:00", "+2026-12-24", "12 / 24",
    ])
    func unreadable(text: String) {
        #expect(CalendarDate.reading(text, today: Self.today) == .unreadable)
    }
}
