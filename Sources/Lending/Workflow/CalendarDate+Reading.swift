import Foundation

/// How moderators write a day in a command: `2026-12-24` or `2026/12/24`, `2026年12月24日`, and
/// without a year `12/24` or `12月24日` (the next such day from today), with ASCII or full-width
/// digits as a Japanese keyboard types them. A year-less `3/4` could be the 3rd of April as
/// well as the 4th of March, so it is refused naming both, rather than guessed.
public enum CalendarDateReading: Sendable, Hashable {
    case date(CalendarDate)
    /// Not one of the forms above.
    case unreadable
    /// The form is right but the calendar has no such day (2026-02-30, or 2/29 in the coming year).
    case noSuchDay
    /// Both readings exist; the first is month-first.
    case ambiguous(CalendarDate, CalendarDate)
}

extension CalendarDate {
    /// Reads `text` as a day; a day without a year is the first such day on or after `today`
    /// (today in `TIMEZONE`, which the caller knows).
    public static func reading(_ text: String, today: CalendarDate) -> CalendarDateReading {
        let normalized = String(String.UnicodeScalarView(text.unicodeScalars.map(asciiEquivalent)))
            .trimmingCharacters(in: .whitespaces)
        // `-` and `/` may not be mixed; `01-20` is neither a whole ISO date nor a slashed day.
        if let match = normalized.wholeMatch(of: #/([0-9]{4})(?:-([0-9]{1,2})-([0-9]{1,2})|/([0-9]{1,2})/([0-9]{1,2})|年([0-9]{1,2})月([0-9]{1,2})日?)/#) {
            let output = match.output
            guard let year = Int(output.1),
                  let month = (output.2 ?? output.4 ?? output.6).flatMap({ Int($0) }),
                  let day = (output.3 ?? output.5 ?? output.7).flatMap({ Int($0) }) else { return .unreadable }
            return CalendarDate(year: year, month: month, day: day).map(CalendarDateReading.date) ?? .noSuchDay
        }
        if let match = normalized.wholeMatch(of: #/([0-9]{1,2})月([0-9]{1,2})日?/#), let month = Int(match.output.1), let day = Int(match.output.2) {
            return next(month: month, day: day, from: today).map(CalendarDateReading.date) ?? .noSuchDay
        }
        if let match = normalized.wholeMatch(of: #/([0-9]{1,2})/([0-9]{1,2})/#), let first = Int(match.output.1), let second = Int(match.output.2) {
            let monthFirst = next(month: first, day: second, from: today)
            let dayFirst = first == second ? nil : next(month: second, day: first, from: today)
            switch (monthFirst, dayFirst) {
            case let (month?, day?): return .ambiguous(month, day)
            case let (month?, nil): return .date(month)
            case let (nil, day?): return .date(day)
            case (nil, nil): return .noSuchDay
            }
        }
        return .unreadable
    }

    /// The first `month`/`day` on or after `today`: this year's, or next year's once it has passed.
    private static func next(month: Int, day: Int, from today: CalendarDate) -> CalendarDate? {
        if let thisYear = CalendarDate(year: today.year, month: month, day: day), thisYear >= today { return thisYear }
        return CalendarDate(year: today.year + 1, month: month, day: day)
    }

    /// Full-width digits, hyphen and slash, and the ideographic space, as their ASCII forms.
    private static func asciiEquivalent(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0xFF10...0xFF19, 0xFF0D, 0xFF0F: Unicode.Scalar(scalar.value - 0xFEE0) ?? scalar
        case 0x3000: " "
        default: scalar
        }
    }
}
