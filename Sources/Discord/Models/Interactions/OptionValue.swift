/// The value of a leaf option in a received command, typed by the option's `type`.
///
/// Entity options (user, channel, role, mentionable, attachment) carry only the ID; the objects sit
/// in the command's `resolved` maps. `partial` is what an autocomplete interaction sends for the
/// focused option: the text typed so far, which Discord has not validated even for numeric options.
public enum OptionValue: Sendable, Hashable {
    case string(String)
    case integer(Int64)
    case boolean(Bool)
    case number(Double)
    case user(UserID)
    case channel(ChannelID)
    case role(RoleID)
    case mentionable(AnySnowflake)
    case attachment(AttachmentID)
    case partial(String)
}
