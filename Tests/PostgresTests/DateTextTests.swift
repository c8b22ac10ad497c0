import Foundation
import Postgres
import Testing

@Suite("Timestamps as PostgreSQL text")
struct DateTextTests {
    @Test("dates print as UTC with milliseconds", arguments: [
        (0.0, "1970-01-01 00:00:00.000"),
        (1_763_769_600.123, "2025-11-22 00:00:00.123"),
        (951_782_400.5, "2000-02-29 00:00:00.500"),
        (-1.001, "1969-12-31 23:59:58.999"),
        (4_102_444_799.999, "2099-12-31 23:59:59.999"),
        (-62_135_596_800.0, "0001-01-01 00:00:00.000"),
        (253_402_300_799.0, "9999-12-31 23:59:59.000"),
        (253_402_300_800.0, "10000-01-01 00:00:00.000"),
    ])
    func printing(seconds: Double, text: String) {
        #expect(Date(timeIntervalSince1970: seconds).postgresText == text)
    }

    @Test("both timestamp outputs parse, with or without fraction and offset", arguments: [
        ("2026-11-21 23:55:39", 1_795_305_339.0),
        ("2026-11-21 23:55:39.1", 1_795_305_339.1),
        ("2026-11-21 23:55:39.123456", 1_795_305_339.123456),
        ("2026-11-21 23:55:39.5+00", 1_795_305_339.5),
        ("2026-11-22 08:55:39+09", 1_795_305_339.0),
        ("2026-11-21 18:25:39-05:30", 1_795_305_339.0),
    ])
    func parsing(text: String, seconds: Double) throws {
        let date = try #require(Date(nonNullPostgresText: text, type: .timestamp))
        #expect(abs(date.timeIntervalSince1970 - seconds) < 0.000_001)
    }

    @Test("malformed timestamps are rejected", arguments: [
        "", "infinity", "2026-13-01 00:00:00", "2026-11-21T23:55:39", "2026-11-21 23:55", "2026-11-21 23:55:39.", "2026-11-21 23:55:39 BC",
    ])
    func rejecting(text: String) {
        #expect(Date(nonNullPostgresText: text, type: .timestamp) == nil)
    }

    @Test("every day from 1900 to 2100 survives a round trip")
    func roundTrip() throws {
        var milliseconds: Int64 = -2_208_988_800_000
        while milliseconds < 4_102_444_800_000 {
            let day = Date(timeIntervalSince1970: Double(milliseconds) / 1000)
            let text = try #require(day.postgresText)
            #expect(Date(nonNullPostgresText: text, type: .timestamp) == day, "\(text)")
            milliseconds += 86_400_000 + 37
        }
    }
}
