/// A channel's exception to the guild-wide permissions for one role or one member
/// (`permission_overwrites` of a guild channel, SPEC `ChannelPermissionOverwriteResponse`).
public struct PermissionOverwrite: Sendable, Hashable, Codable {
    /// 0: `id` is a role (the guild's id stands for @everyone); 1: `id` is a member.
    public enum Kind: Int, Sendable, Hashable, Codable {
        case role = 0
        case member = 1
    }

    /// A role's or a user's id, depending on `type`.
    public var id: String
    public var type: Kind
    public var allow: Permissions
    public var deny: Permissions

    public init(id: String, type: Kind, allow: Permissions = [], deny: Permissions = []) {
        self.id = id
        self.type = type
        self.allow = allow
        self.deny = deny
    }
}
