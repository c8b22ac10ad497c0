/// A guild role, as it appears in `resolved.roles` and role listings.
public struct Role: Sendable, Hashable, Codable {
    public var id: RoleID
    public var name: String
    public var color: Int?
    /// Higher positions outrank lower ones; the bot can only manage roles below its own highest role.
    public var position: Int?
    public var permissions: Permissions?
    public var isManaged: Bool?
    public var isMentionable: Bool?

    public init(id: RoleID, name: String, color: Int? = nil, position: Int? = nil, permissions: Permissions? = nil,
                isManaged: Bool? = nil, isMentionable: Bool? = nil) {
        self.id = id
        self.name = name
        self.color = color
        self.position = position
        self.permissions = permissions
        self.isManaged = isManaged
        self.isMentionable = isMentionable
    }

    enum CodingKeys: String, CodingKey {
        case id, name, color, position, permissions
        case isManaged = "managed"
        case isMentionable = "mentionable"
    }
}
