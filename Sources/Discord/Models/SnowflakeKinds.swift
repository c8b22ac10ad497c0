// Marker types for `Snowflake<Kind>`: never instantiated, they only keep IDs of different things apart.

public enum UserKind {}
public enum GuildKind {}
public enum ChannelKind {}
public enum RoleKind {}
public enum MessageKind {}
public enum ApplicationKind {}
public enum InteractionKind {}
public enum CommandKind {}
public enum AttachmentKind {}
public enum EmojiKind {}
/// For IDs whose kind Discord leaves open: a mentionable option (user or role) or a command target
/// (user or message). Convert with `converted(to:)` once the kind is known.
public enum AnyKind {}

public typealias UserID = Snowflake<UserKind>
public typealias GuildID = Snowflake<GuildKind>
public typealias ChannelID = Snowflake<ChannelKind>
public typealias RoleID = Snowflake<RoleKind>
public typealias MessageID = Snowflake<MessageKind>
public typealias ApplicationID = Snowflake<ApplicationKind>
public typealias InteractionID = Snowflake<InteractionKind>
public typealias CommandID = Snowflake<CommandKind>
public typealias AttachmentID = Snowflake<AttachmentKind>
public typealias EmojiID = Snowflake<EmojiKind>
public typealias AnySnowflake = Snowflake<AnyKind>
