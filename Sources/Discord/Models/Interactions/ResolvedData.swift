/// The objects behind the IDs in a command's options or an entity select's values, keyed by ID.
///
/// Members here lack `user` (and `deaf`/`mute`); the user with the same ID is in `users`.
public struct ResolvedData: Sendable, Hashable, Codable {
    public var users: [UserID: User]?
    public var members: [UserID: GuildMember]?
    public var roles: [RoleID: Role]?
    public var channels: [ChannelID: Channel]?
    public var messages: [MessageID: Message]?
    public var attachments: [AttachmentID: Attachment]?

    public init(users: [UserID: User]? = nil, members: [UserID: GuildMember]? = nil, roles: [RoleID: Role]? = nil,
                channels: [ChannelID: Channel]? = nil, messages: [MessageID: Message]? = nil,
                attachments: [AttachmentID: Attachment]? = nil) {
        self.users = users
        self.members = members
        self.roles = roles
        self.channels = channels
        self.messages = messages
        self.attachments = attachments
    }
}
