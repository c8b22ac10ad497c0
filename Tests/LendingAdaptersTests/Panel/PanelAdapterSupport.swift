import LendingAdapters
import Logging
import PanelTesting
import Pterodactyl

extension PanelTestWorld {
    /// The adapter over this world's client, as `lending-bot run` would build it.
    func lendingPanel(logger: Logger = Logger(label: "test.panel-adapter")) -> PterodactylLendingPanel {
        PterodactylLendingPanel(client: client, logger: logger)
    }
}
