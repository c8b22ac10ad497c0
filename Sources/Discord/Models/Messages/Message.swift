/// A message as Discord returns it: `interaction.message` for component interactions, follow-up,
/// `@original` and channel message responses, `resolved.messages`. Only what the bot reads is modelled.
public struct Message: Sendable, Hashable, Codable {
    public var id: MessageID
    public var channelID: ChannelID
    public var content: String?
    public var author: User?
    public var embeds: [Embed]?
    public var components: [Component]?
    public var flags: MessageFlags?
    /// ISO 8601 text, as sent.
    public var timestamp: String?
    /// ISO 8601 text of the last edit; nil for a message never edited.
    public var editedTimestamp: String?

    public init(id: MessageID, channelID: ChannelID, content: String? = nil, author: User? = nil, embeds: [Embed]? = nil,
                components: [Component]? = nil, flags: MessageFlags? = nil, timestamp: String? = nil, editedTimestamp: String? = nil) {
        self.id = id
        self.channelID = channelID
        self.content = content
        self.author = author
        self.embeds = embeds
        self.components = components
        self.flags = flags
        self.timestamp = timestamp
        self.editedTimestamp = editedTimestamp
    }

    enum CodingKeys: String, CodingKey {
        case id, content, author, embeds, components, flags, timestamp
        case channelID = "channel_id"
        case editedTimestamp = "edited_timestamp"
    }
}
