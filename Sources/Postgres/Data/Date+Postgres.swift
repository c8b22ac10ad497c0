public import struct Foundation.Date

/// Dates travel as UTC text with milliseconds, the precision of Prisma's `TIMESTAMP(3)` columns.
/// Sessions run with `TimeZone = 'UTC'` (see `LibPQConnection.configureSession`), so the same text is
/// right for `timestamp` and `timestamptz` columns alike.
extension Date: PostgresEncodable, PostgresNonNullDecodable {
    public static var postgresType: PostgresType { .timestamp }

    public var postgresText: String? {
        let milliseconds = Int64((timeIntervalSince1970 * 1000).rounded())
        let (seconds, millisecond) = milliseconds.floorDivided(by: 1000)
        let (days, secondOfDay) = seconds.floorDivided(by: 86_400)
        let civil = CivilDate(daysSinceEpoch: days)
        return String(
            format4: civil.year, civil.month, civil.day,
            secondOfDay / 3600, secondOfDay / 60 % 60, secondOfDay % 60, millisecond
        )
    }

    /// Reads `YYYY-MM-DD HH:MM:SS[.ffffff][±HH[:MM[:SS]]]`, the output of both timestamp types.
    public init?(nonNullPostgresText text: String, type: PostgresType) {
        var scanner = DigitScanner(text.utf8)
        guard let year = scanner.number(digits: 4), scanner.skip("-"),
              let month = scanner.number(digits: 2), scanner.skip("-"),
              let day = scanner.number(digits: 2), scanner.skip(" "),
              let hour = scanner.number(digits: 2), scanner.skip(":"),
              let minute = scanner.number(digits: 2), scanner.skip(":"),
              let second = scanner.number(digits: 2),
              (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61
        else { return nil }
        var microseconds: Int64 = 0
        if scanner.skip(".") {
            guard let (fraction, count) = scanner.fraction(maxDigits: 6) else { return nil }
            microseconds = fraction * Int64(pow10: 6 - count)
        }
        var offsetSeconds: Int64 = 0
        if let sign = scanner.sign() {
            guard let offsetHours = scanner.number(digits: 2) else { return nil }
            var offset = offsetHours * 3600
            if scanner.skip(":") {
                guard let offsetMinutes = scanner.number(digits: 2) else { return nil }
                offset += offsetMinutes * 60
                if scanner.skip(":") {
                    guard let offsetSecondsPart = scanner.number(digits: 2) else { return nil }
                    offset += offsetSecondsPart
                }
            }
            offsetSeconds = sign * offset
        }
        guard scanner.isAtEnd else { return nil }
        let days = CivilDate(year: year, month: month, day: day).daysSinceEpoch
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds
        // One correctly rounded division, the same one a value built from whole milliseconds gets,
        // so a Date with millisecond precision survives the round trip exactly.
        self.init(timeIntervalSince1970: Double(seconds * 1_000_000 + microseconds) / 1_000_000)
    }

    public static var postgresTypeName: String { "timestamp" }
}

/// A proleptic Gregorian date, converted to and from days since 1970-01-01 with Howard Hinnant's
/// public-domain `days_from_civil` / `civil_from_days` algorithms (no calendar object, no locale).
struct CivilDate: Equatable {
    var year: Int64
    var month: Int64
    var day: Int64

    init(year: Int64, month: Int64, day: Int64) {
        self.year = year
        self.month = month
        self.day = day
    }

    init(daysSinceEpoch: Int64) {
        let z = daysSinceEpoch + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    }

    var daysSinceEpoch: Int64 {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}

/// Reads fixed-width ASCII numbers from a timestamp's UTF-8 bytes.
private struct DigitScanner {
    private let bytes: [UInt8]
    private var index = 0

    init(_ utf8: String.UTF8View) {
        bytes = Array(utf8)
    }

    var isAtEnd: Bool { index == bytes.count }

    mutating func skip(_ character: Character) -> Bool {
        guard index < bytes.count, let ascii = character.asciiValue, bytes[index] == ascii else { return false }
        index += 1
        return true
    }

    mutating func sign() -> Int64? {
        if skip("+") { return 1 }
        if skip("-") { return -1 }
        return nil
    }

    mutating func number(digits: Int) -> Int64? {
        guard index + digits <= bytes.count else { return nil }
        var value: Int64 = 0
        for byte in bytes[index..<index + digits] {
            guard (48...57).contains(byte) else { return nil }
            value = value * 10 + Int64(byte - 48)
        }
        index += digits
        return value
    }

    /// One or more digits, at most `maxDigits`; returns the value and how many digits it had.
    mutating func fraction(maxDigits: Int) -> (Int64, Int)? {
        var value: Int64 = 0
        var count = 0
        while index < bytes.count, (48...57).contains(bytes[index]), count < maxDigits {
            value = value * 10 + Int64(bytes[index] - 48)
            index += 1
            count += 1
        }
        return count == 0 ? nil : (value, count)
    }
}

extension Int64 {
    fileprivate func floorDivided(by divisor: Int64) -> (quotient: Int64, remainder: Int64) {
        var quotient = self / divisor
        if self % divisor != 0 && (self < 0) != (divisor < 0) { quotient -= 1 }
        return (quotient, self - quotient * divisor)
    }

    fileprivate init(pow10 exponent: Int) {
        self = (0..<exponent).reduce(1) { value, _ in value * 10 }
    }
}

extension String {
    /// `YYYY-MM-DD HH:MM:SS.mmm` from its parts, zero-padded, without Foundation's formatters.
    fileprivate init(format4 year: Int64, _ month: Int64, _ day: Int64, _ hour: Int64, _ minute: Int64, _ second: Int64, _ millisecond: Int64) {
        guard (0...9999).contains(year) else {
            self.init(padding: year, month, day, hour, minute, second, millisecond)
            return
        }
        // The digits written in place: five padded `String`s and an interpolation per timestamp
        // were 2 % of the bot's instructions per filing.
        self.init(unsafeUninitializedCapacity: 23) { buffer in
            var index = 0
            func put(_ value: Int64, _ width: Int, then separator: UInt8?) {
                var rest = value
                for offset in stride(from: width - 1, through: 0, by: -1) {
                    buffer[index + offset] = UInt8(ascii: "0") + UInt8(rest % 10)
                    rest /= 10
                }
                index += width
                if let separator {
                    buffer[index] = separator
                    index += 1
                }
            }
            put(year, 4, then: UInt8(ascii: "-"))
            put(month, 2, then: UInt8(ascii: "-"))
            put(day, 2, then: UInt8(ascii: " "))
            put(hour, 2, then: UInt8(ascii: ":"))
            put(minute, 2, then: UInt8(ascii: ":"))
            put(second, 2, then: UInt8(ascii: "."))
            put(millisecond, 3, then: nil)
            return index
        }
    }

    /// The same text for a year outside 0–9999, which Postgres would refuse anyway.
    private init(padding year: Int64, _ month: Int64, _ day: Int64, _ hour: Int64, _ minute: Int64, _ second: Int64, _ millisecond: Int64) {
        func pad(_ value: Int64, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: Swift.max(0, width - digits.count)) + digits
        }
        self = "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2)) \(pad(hour, 2)):\(pad(minute, 2)):\(pad(second, 2)).\(pad(millisecond, 3))"
    }
}
