public import Foundation

/// A day as people write it (2026-12-24), without a time or zone; read in `TIMEZONE`.
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Nil unless the three numbers name a real day (no 2026-02-30).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month), (1...31).contains(day) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        guard let date = calendar.date(from: DateComponents(year: year, month: month, day: day)),
              calendar.component(.day, from: date) == day, calendar.component(.month, from: date) == month else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The last day a loan may end on. Timestamps are stored and read back with four-digit
    /// years, and the end of 9999-12-31 in a zone west of UTC is already in the year 10000, so
    /// the day before is the last one every zone can hold.
    public static let latest = CalendarDate(year: 9999, month: 12, day: 30)!

    /// The latest instant the store can write and read back (the end of 9999 in UTC).
    public static let latestStorable = Date(timeIntervalSince1970: 253_402_300_799.999)

    /// The day `instant` falls on in `zone`.
    public init(containing instant: Date, in zone: TimeZone) {
        let parts = Self.calendar(zone).dateComponents([.year, .month, .day], from: instant)
        year = parts.year ?? 1970
        month = parts.month ?? 1
        day = parts.day ?? 1
    }

    /// The first instant of this day in `zone`.
    public func start(in zone: TimeZone) -> Date {
        Self.calendar(zone).date(from: DateComponents(year: year, month: month, day: day)) ?? Date(timeIntervalSince1970: 0)
    }

    /// The last millisecond of this day in `zone` (timestamps are stored with millisecond
    /// precision), so a loan "until the 24th" lasts through the 24th.
    public func end(in zone: TimeZone) -> Date {
        let nextStart = Self.calendar(zone).date(byAdding: .day, value: 1, to: start(in: zone)) ?? start(in: zone)
        // Computed in whole microseconds, as the database driver reads timestamps back, so the
        // stored end date compares equal to this one.
        let microseconds = Int64((nextStart.timeIntervalSince1970 * 1_000_000).rounded()) - 1_000
        return Date(timeIntervalSince1970: Double(microseconds) / 1_000_000)
    }

    /// Whole days from `self` to `other` (negative when `other` is earlier).
    public func days(until other: CalendarDate) -> Int {
        let utc = TimeZone(identifier: "UTC") ?? .current
        return Self.calendar(utc).dateComponents([.day], from: start(in: utc), to: other.start(in: utc)).day ?? 0
    }

    public var description: String {
        String(format: "%04d-%02d-%02d", year, month, day)
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    private static func calendar(_ zone: TimeZone) -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar
    }
}
