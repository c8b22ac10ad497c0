/// The body of a new message: `POST /channels/{id}/messages`, a follow-up (`POST
/// /webhooks/{application_id}/{token}`), and the `data` of a type-4 interaction callback.
///
/// Optional fields left nil are omitted from the JSON, never sent as `null`.
public struct MessageCreate: Sendable, Hashable, Codable {
    public var content: String?
    public var embeds: [Embed]?
    public var components: [Component]?
    public var allowedMentions: AllowedMentions?
    public var flags: MessageFlags?
    public var tts: Bool?
    /// Channel messages only (`POST /channels/{id}/messages`): at most 25 characters that identify
    /// this message among the bot's recent ones. With `enforceNonce`, Discord answers a repeat of
    /// the nonce within a few minutes with the message already created instead of a second one,
    /// which makes a retried POST safe. Interaction responses and follow-ups have no nonce.
    public var nonce: String?
    public var enforceNonce: Bool?

    public init(content: String? = nil, embeds: [Embed]? = nil, components: [Component]? = nil,
                allowedMentions: AllowedMentions? = nil, flags: MessageFlags? = nil, tts: Bool? = nil,
                nonce: String? = nil, enforceNonce: Bool? = nil) {
        self.content = content
        self.embeds = embeds
        self.components = components
        self.allowedMentions = allowedMentions
        self.flags = flags
        self.tts = tts
        self.nonce = nonce
        self.enforceNonce = enforceNonce
    }

    enum CodingKeys: String, CodingKey {
        case content, embeds, components, flags, tts, nonce
        case allowedMentions = "allowed_mentions"
        case enforceNonce = "enforce_nonce"
    }
}
