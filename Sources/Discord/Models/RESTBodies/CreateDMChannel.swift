/// The body of `POST /users/@me/channels`, which opens (or returns the existing) DM channel with a
/// user; the answer is a `Channel` of type 1. Messages then go to that channel's ID.
public struct CreateDMChannel: Sendable, Hashable, Codable {
    public var recipientID: UserID

    public init(recipientID: UserID) {
        self.recipientID = recipientID
    }

    enum CodingKeys: String, CodingKey {
        case recipientID = "recipient_id"
    }
}
