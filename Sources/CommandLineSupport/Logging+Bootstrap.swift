import Foundation
public import LendingBot
public import Logging

public enum LogSetup {
    /// Sends every logger to stderr at `LOG_LEVEL`, as text or one JSON object per line
    /// (`LOG_FORMAT`); text gets journald's priority prefixes when journald reads stderr
    /// (systemd sets `JOURNAL_STREAM` for a unit whose output goes to the journal).
    public static func bootstrap(level: Logger.Level, format: BotConfiguration.LogFormat) {
        let lineFormat: LogLineHandler.Format = switch format {
        case .text: .text
        case .json: .json
        }
        let journal = ProcessInfo.processInfo.environment["JOURNAL_STREAM"].map { !$0.isEmpty } ?? false
        LoggingSystem.bootstrap(LogLineHandler.factory(level: level, format: lineFormat, journalPriorities: journal), metadataProvider: nil)
    }
}
