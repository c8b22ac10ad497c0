import DiscordSimulator
import Foundation
import Synchronization

/// One interaction the console sent on a persona's behalf.
struct LoggedInteraction: Sendable {
    enum Kind: String, Sendable {
        case command, autocomplete, component, modal
    }

    let interaction: SimulatedInteraction
    let persona: String
    let kind: Kind
    /// What the person did, as Discord would show it: `/mcserver checkout`, `Approve`, a modal's title.
    let label: String
    /// For a component: the message it was on, which update callbacks (6, 7) replace.
    let messageID: String?
    let at: Date
}

/// The console's memory of what each persona did, and which modals were submitted or closed.
final class InteractionLog: Sendable {
    private struct State {
        var entries: [LoggedInteraction] = []
        var closedModals: Set<String> = []
    }

    private let state = Mutex(State())

    func append(_ entry: LoggedInteraction) {
        state.withLock { $0.entries.append(entry) }
    }

    var entries: [LoggedInteraction] { state.withLock { $0.entries } }

    func entry(_ interactionID: String) -> LoggedInteraction? {
        state.withLock { $0.entries.first { $0.interaction.id == interactionID } }
    }

    /// Marks the modal an interaction opened as submitted or dismissed; false if it already was.
    func closeModal(openedBy interactionID: String) -> Bool {
        state.withLock { $0.closedModals.insert(interactionID).inserted }
    }

    /// Opens a modal again whose submit never reached the bot.
    func reopenModal(openedBy interactionID: String) {
        _ = state.withLock { $0.closedModals.remove(interactionID) }
    }

    func isModalClosed(openedBy interactionID: String) -> Bool {
        state.withLock { $0.closedModals.contains(interactionID) }
    }
}
