import Foundation

/// Discord-shaped ids: milliseconds since the Discord epoch (2015-01-01) in the top 42 bits and an
/// increment below, so ids sort by creation time as real snowflakes do and a client that reads the
/// timestamp out of an id gets the simulator's clock.
struct SnowflakeGenerator {
    static let discordEpochMilliseconds: UInt64 = 1_420_070_400_000
    private var increment: UInt64 = 0

    mutating func next(at now: Date) -> String {
        let milliseconds = UInt64(max(0, now.timeIntervalSince1970 * 1000)) - Self.discordEpochMilliseconds
        increment = (increment + 1) & 0xFFF
        return String(milliseconds << 22 | 1 << 17 | increment)
    }
}

enum DiscordTimestamp {
    /// ISO 8601 with microseconds and `+00:00`, the shape Discord uses in `timestamp` fields.
    static func string(_ date: Date) -> String {
        let seconds = date.timeIntervalSince1970
        let whole = floor(seconds)
        let micros = Int(((seconds - whole) * 1_000_000).rounded()) % 1_000_000
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: Date(timeIntervalSince1970: whole))
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d.%06d+00:00",
                      parts.year!, parts.month!, parts.day!, parts.hour!, parts.minute!, parts.second!, micros)
    }
}
