public import Foundation
public import SimulatorSupport

/// One request as the simulator saw it, with the status it answered. Tests act, then read these.
public struct RecordedRequest: Sendable {
    /// `nil` for a path that matched no route (answered 404 or 405).
    public let route: SimulatedRoute?
    public let method: String
    /// The route's template, or the raw path when no route matched.
    public let template: String
    /// The percent-decoded path after `/api/v10`.
    public let path: String
    public let query: [String: String]
    /// Header names in lowercase, as HTTP/2 would deliver them.
    public let headers: [String: String]
    public let rawBody: Data
    /// The parsed body, `nil` when there was none or it was not JSON.
    public let body: SimulatorJSON?
    public let status: Int
    public let receivedAt: Date

    public func header(_ name: String) -> String? { headers[name.lowercased()] }
}

/// What the bot did to an interaction, in order: its callback, follow-ups, edits and deletes.
public struct InteractionResponseRecord: Sendable {
    public enum Kind: Sendable, Hashable {
        case callback(type: Int)
        case followUp
        case editOriginal
        case deleteOriginal
        case editFollowUp(messageID: String)
        case deleteFollowUp(messageID: String)
    }

    public let kind: Kind
    /// The request body as sent (the callback's whole `{type, data}`), `nil` for deletes.
    public let body: SimulatorJSON?
    public let at: Date
}
