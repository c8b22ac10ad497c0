public import Foundation

/// Instants in task inputs and audit details: ISO 8601 in UTC with milliseconds, the precision
/// the timestamp columns keep.
public enum Timestamp {
    public static func format(_ date: Date) -> String {
        date.formatted(style)
    }

    public static func parse(_ text: String) -> Date? {
        try? style.parse(text)
    }

    private static let style = Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: TimeZone(identifier: "UTC") ?? .gmt)
}
