import Foundation
import SimulatorSupport

/// One interaction as Discord tracks it: when it was dispatched (on the simulator's deadline clock,
/// which both deadlines are judged by),
/// whether it has been answered, and the messages its token can reach.
struct InteractionState {
    let id: String
    let token: String
    let type: SimulatedInteractionType
    let applicationID: String
    let channelID: String?
    let createdAt: Date
    /// For component interactions: the message that carries the component, which callbacks 6/7 edit.
    let componentMessage: SimulatorJSON?
    var callbackType: Int?
    var original: SimulatorJSON?
    /// True between a type-5 defer and the edit or follow-up that completes it.
    var isOriginalLoading = false
    var followUpIDs: [String] = []
    var followUps: [String: SimulatorJSON] = [:]
    var responses: [InteractionResponseRecord] = []

    var isAcknowledged: Bool { callbackType != nil }
}

/// Discord's `MessageFlags` bits the interaction rules look at.
enum MessageFlag {
    static let ephemeral = 1 << 6
    static let loading = 1 << 7
}
