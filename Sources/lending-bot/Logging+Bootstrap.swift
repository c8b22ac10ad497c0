import Foundation
import LendingBot
import Logging

enum LogSetup {
    /// Sends every logger to stderr at `LOG_LEVEL`, as text or one JSON object per line (`LOG_FORMAT`).
    static func bootstrap(level: Logger.Level, format: BotConfiguration.LogFormat) {
        LoggingSystem.bootstrap { label in
            var handler: any LogHandler = switch format {
            case .text: StreamLogHandler.standardError(label: label)
            case .json: JSONLineLogHandler(label: label)
            }
            handler.logLevel = level
            return handler
        }
    }
}

/// One JSON object per line on stderr: time, level, label, message and the metadata keys, for log
/// collectors that parse structured lines.
struct JSONLineLogHandler: LogHandler {
    let label: String
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var fields: [String: String] = [
            "time": Date().formatted(.iso8601),
            "level": event.level.rawValue,
            "label": label,
            "message": "\(event.message)",
        ]
        for (key, value) in metadata.merging(event.metadata ?? [:], uniquingKeysWith: { $1 }) {
            fields[key] = "\(value)"
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard var line = try? encoder.encode(fields) else { return }
        line.append(UInt8(ascii: "\n"))
        FileHandle.standardError.write(line)
    }
}
