import Logging

/// How one event becomes one line, as text or as JSON.
enum LogLine {
    struct Fields {
        var timestamp: String
        var level: Logger.Level
        var label: String
        var message: String
        var source: String
        var metadata: Logger.Metadata
    }

    /// The fields every JSON line has; metadata never overwrites them.
    static let reservedKeys: Set<String> = ["timestamp", "level", "label", "message"]

    /// Where a metadata key that collides with a reserved field is kept.
    static func keptKey(_ key: String) -> String {
        reservedKeys.contains(key) ? "metadata." + key : key
    }

    /// One JSON object: the reserved fields first, then the metadata keys in sorted order;
    /// nested dictionaries and arrays stay JSON objects and arrays.
    static func json(_ fields: Fields) -> String {
        var line = "{"
        line += JSONText.string("timestamp") + ":" + JSONText.string(fields.timestamp)
        line += "," + JSONText.string("level") + ":" + JSONText.string(fields.level.rawValue)
        line += "," + JSONText.string("label") + ":" + JSONText.string(fields.label)
        line += "," + JSONText.string("message") + ":" + JSONText.string(fields.message)
        var kept: [String: Logger.MetadataValue] = [:]
        for (key, value) in fields.metadata {
            kept[keptKey(key)] = value
        }
        // A call's own `metadata.level` wins over a renamed `level`: it was asked for by name.
        for (key, value) in fields.metadata where key.hasPrefix("metadata.") && reservedKeys.contains(String(key.dropFirst(9))) {
            kept[key] = value
        }
        for key in kept.keys.sorted() {
            guard let value = kept[key] else { continue }
            line += "," + JSONText.string(key) + ":" + JSONText.value(value)
        }
        return line + "}\n"
    }

    /// swift-log's stream layout (`time level label: key=value [source] message`), with the
    /// millisecond UTC time, and `<N>` first when journald reads the stream.
    static func text(_ fields: Fields, journalPriority: Bool) -> String {
        var line = journalPriority ? "<\(priority(fields.level))>" : ""
        line += fields.timestamp + " " + fields.level.rawValue + " " + fields.label + ":"
        for key in fields.metadata.keys.sorted() {
            guard let value = fields.metadata[key] else { continue }
            line += " " + key + "=" + textValue(value)
        }
        line += " [" + fields.source + "] " + fields.message
        return line + "\n"
    }

    /// sd-daemon(3) priorities: journald files the line at this level instead of the unit's default.
    static func priority(_ level: Logger.Level) -> Int {
        switch level {
        case .trace, .debug: 7
        case .info: 6
        case .notice: 5
        case .warning: 4
        case .error: 3
        case .critical: 2
        }
    }

    /// Strings as they are; nested values as JSON, so a reader sees their structure.
    private static func textValue(_ value: Logger.MetadataValue) -> String {
        switch value {
        case .string(let string): string
        case .stringConvertible(let convertible): convertible.description
        case .dictionary, .array: JSONText.value(value)
        }
    }
}
