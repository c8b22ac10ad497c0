import InMemoryLogging
import LendingBot
import Logging
import PanelTesting
import Pterodactyl

extension PanelTestWorld {
    /// The adapter over this world's client, as `lending-bot run` would build it.
    func lendingPanel(logger: Logger = Logger(label: "test.panel-adapter")) -> PterodactylLendingPanel {
        PterodactylLendingPanel(client: client, logger: logger)
    }
}

/// Log entries as text, for checking that no key or password reaches a log.
struct CapturedLogs {
    let handler = InMemoryLogHandler()

    var logger: Logger {
        var logger = Logger(label: "test.panel-adapter", factory: { _ in handler })
        logger.logLevel = .trace
        return logger
    }

    var text: String {
        handler.entries.map { "\($0.message) \($0.metadata)" }.joined(separator: "\n")
    }
}
