import InMemoryLogging
import Logging

/// Captures a client's log entries as text, for checks that no secret is logged.
struct InMemoryLogHandlerBox {
    let handler = InMemoryLogHandler()

    var logger: Logger {
        var logger = Logger(label: "test.pterodactyl", factory: { _ in handler })
        logger.logLevel = .trace
        return logger
    }

    var text: String {
        handler.entries.map { "\($0.message) \($0.metadata)" }.joined(separator: "\n")
    }
}
