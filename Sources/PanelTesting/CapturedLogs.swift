import InMemoryLogging
public import Logging

/// A logger whose entries are kept as text, for checks that no key, token or password reaches
/// a log.
public struct CapturedLogs: Sendable {
    private let handler = InMemoryLogHandler()

    public init() {}

    /// Logs everything, down to trace.
    public var logger: Logger {
        var logger = Logger(label: "test.captured", factory: { [handler] _ in handler })
        logger.logLevel = .trace
        return logger
    }

    /// Every entry's message and metadata, one per line.
    public var text: String {
        handler.entries.map { "\($0.message) \($0.metadata)" }.joined(separator: "\n")
    }
}
