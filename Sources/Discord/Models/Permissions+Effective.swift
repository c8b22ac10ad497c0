extension Permissions {
    /// Every permission bit: what the owner and an ADMINISTRATOR hold.
    public static let all = Permissions(rawValue: .max)

    /// A member's permissions in the guild, as Discord computes them (Discord's documentation,
    /// "Permission Hierarchy"): the owner holds everything; otherwise @everyone's permissions (the
    /// role whose id is the guild's) combined with those of each of the member's roles, and
    /// ADMINISTRATOR among them grants everything.
    public static func guildLevel(of member: UserID, roles memberRoles: [RoleID], in guild: GuildID, owner: UserID?, guildRoles: [Role]) -> Permissions {
        if let owner, owner == member { return .all }
        let byID = Dictionary(guildRoles.map { ($0.id.rawValue, $0) }, uniquingKeysWith: { first, _ in first })
        var permissions = byID[guild.rawValue]?.permissions ?? []
        for role in memberRoles {
            permissions.formUnion(byID[role.rawValue]?.permissions ?? [])
        }
        return permissions.contains(.administrator) ? .all : permissions
    }

    /// `base` (from `guildLevel`) after a channel's overwrites, in Discord's order: @everyone's
    /// overwrite, then the member's roles' overwrites together (denies before allows), then the
    /// member's own. ADMINISTRATOR ignores overwrites.
    public func inChannel(overwrites: [PermissionOverwrite], member: UserID, roles memberRoles: [RoleID], guild: GuildID) -> Permissions {
        if contains(.administrator) { return .all }
        var permissions = self
        if let everyone = overwrites.first(where: { $0.type == .role && $0.id == guild.description }) {
            permissions.subtract(everyone.deny)
            permissions.formUnion(everyone.allow)
        }
        let roleIDs = Set(memberRoles.map(\.description))
        var allow: Permissions = []
        var deny: Permissions = []
        for overwrite in overwrites where overwrite.type == .role && roleIDs.contains(overwrite.id) && overwrite.id != guild.description {
            allow.formUnion(overwrite.allow)
            deny.formUnion(overwrite.deny)
        }
        permissions.subtract(deny)
        permissions.formUnion(allow)
        if let own = overwrites.first(where: { $0.type == .member && $0.id == member.description }) {
            permissions.subtract(own.deny)
            permissions.formUnion(own.allow)
        }
        return permissions
    }
}
