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

    public init(content: String? = nil, embeds: [Embed]? = nil, components: [Component]? = nil,
                allowedMentions: AllowedMentions? = nil, flags: MessageFlags? = nil, tts: Bool? = nil) {
        self.content = content
        self.embeds = embeds
        self.components = components
        self.allowedMentions = allowedMentions
        self.flags = flags
        self.tts = tts
    }

    enum CodingKeys: String, CodingKey {
        case content, embeds, components, flags, tts
        case allowedMentions = "allowed_mentions"
    }
}
