/// The body of an edit: `PATCH /webhooks/{application_id}/{token}/messages/@original` (how a
/// deferred response is completed), editing a follow-up or a channel message, and the `data` of a
/// type-7 UPDATE_MESSAGE callback.
///
/// A nil field is omitted and so left unchanged by Discord; to clear content or components, send an
/// empty string or an empty array.
public struct MessageEdit: Sendable, Hashable, Codable {
    public var content: String?
    public var embeds: [Embed]?
    public var components: [Component]?
    public var allowedMentions: AllowedMentions?
    public var flags: MessageFlags?

    public init(content: String? = nil, embeds: [Embed]? = nil, components: [Component]? = nil,
                allowedMentions: AllowedMentions? = nil, flags: MessageFlags? = nil) {
        self.content = content
        self.embeds = embeds
        self.components = components
        self.allowedMentions = allowedMentions
        self.flags = flags
    }

    enum CodingKeys: String, CodingKey {
        case content, embeds, components, flags
        case allowedMentions = "allowed_mentions"
    }
}
