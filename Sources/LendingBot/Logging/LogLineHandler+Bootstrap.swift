public import Logging

extension LogLineHandler {
    /// The factory `LoggingSystem.bootstrap` takes: every logger at `level`, in `format`, with the
    /// metadata provider swift-log hands over (the system's, or a logger's own).
    ///
    /// `journalPriorities` is for text on a stream journald reads (`JOURNAL_STREAM` is set):
    /// JSON lines never get the prefix, which would make them unreadable as JSON.
    public static func factory(level: Logger.Level, format: Format, journalPriorities: Bool, sink: LogSink = .standardError)
        -> @Sendable (String, Logger.MetadataProvider?) -> any LogHandler {
        { label, provider in
            var handler = LogLineHandler(label: label, format: format, journalPriorities: journalPriorities && format == .text, sink: sink,
                                         metadataProvider: provider)
            handler.logLevel = level
            return handler
        }
    }
}
