import DiscordSimulator
import Foundation
import SimulatorSupport

/// Every message the bot made, gathered as the Discord client shows them: the notify channel, each
/// persona's DMs, and each persona's ephemeral replies, with later edits (update callbacks on a
/// component's message) applied and deleted messages gone.
extension SandboxConsole {
    /// A message with where it is and who may see it.
    struct PlacedMessage {
        enum Place: Equatable {
            case channel
            /// The live board, in BOARD_CHANNEL_ID: shown apart, above the notify channel.
            case board
            case directMessage(persona: String)
            /// An ephemeral interaction reply: "Only you can see this".
            case ephemeral(persona: String)
        }

        var message: SimulatorJSON
        let place: Place
        /// The interaction that produced it, when it is an interaction reply.
        let origin: LoggedInteraction?

        var id: String { message["id"]?.stringValue ?? "" }

        func isVisible(to persona: String) -> Bool {
            switch place {
            case .channel, .board: true
            case .directMessage(let owner), .ephemeral(let owner): owner == persona
            }
        }
    }

    func placedMessages() -> [PlacedMessage] {
        var placed = rest.sentMessages(in: SandboxPeople.notifyChannelID).map { PlacedMessage(message: $0, place: .channel, origin: nil) }
        placed += rest.sentMessages(in: SandboxPeople.boardChannelID).map { PlacedMessage(message: $0, place: .board, origin: nil) }
        for persona in SandboxPeople.all {
            guard let channel = rest.dmChannelID(for: persona.invoker.userID) else { continue }
            placed += rest.sentMessages(in: channel).map { PlacedMessage(message: $0, place: .directMessage(persona: persona.key), origin: nil) }
        }
        var updates: [String: SimulatorJSON] = [:]
        var deleted: Set<String> = []
        for entry in log.entries where entry.kind != .autocomplete {
            let id = entry.interaction.id
            let responses = rest.interactionResponses(for: id)
            guard case .callback(let type)? = responses.first?.kind else { continue }
            let isUpdate = entry.kind == .component && (type == 6 || type == 7)
            if isUpdate, let target = entry.messageID {
                if let original = rest.originalResponse(for: id) {
                    updates[target] = original
                } else if responses.contains(where: { $0.kind == .deleteOriginal }) {
                    deleted.insert(target)
                }
            }
            var replies = rest.followUps(for: id)
            if !isUpdate, type == 4 || type == 5, let original = rest.originalResponse(for: id) { replies.insert(original, at: 0) }
            let inDirectMessage = entry.interaction.channelID != SandboxPeople.notifyChannelID
            for reply in replies {
                let ephemeral = ((reply["flags"]?.intValue ?? 0) & 64) != 0
                let place: PlacedMessage.Place = ephemeral ? .ephemeral(persona: entry.persona)
                    : inDirectMessage ? .directMessage(persona: entry.persona) : .channel
                placed.append(PlacedMessage(message: reply, place: place, origin: entry))
            }
        }
        placed.removeAll { deleted.contains($0.id) }
        for index in placed.indices {
            if let update = updates[placed[index].id] { placed[index].message = update }
        }
        return placed.sorted { Self.snowflakeOrder($0.id, $1.id) }
    }

    /// A message the persona can see, and whether it sits in their DMs (a click there comes from a DM).
    func visibleMessage(_ id: String, to persona: SandboxPeople.Persona) -> (message: SimulatorJSON, inDirectMessage: Bool)? {
        guard let found = placedMessages().first(where: { $0.id == id && $0.isVisible(to: persona.key) }) else { return nil }
        let inDirectMessage: Bool = switch found.place {
        case .directMessage: true
        case .ephemeral: found.origin.map { $0.interaction.channelID != SandboxPeople.notifyChannelID } ?? false
        case .channel, .board: false
        }
        return (found.message, inDirectMessage)
    }

    /// Snowflakes grow with time: a shorter one is older, equal lengths compare as text.
    static func snowflakeOrder(_ left: String, _ right: String) -> Bool {
        left.count != right.count ? left.count < right.count : left < right
    }
}
