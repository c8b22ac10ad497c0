/// A user the simulated Discord knows. `blocksDMs` is the scenario where the user has closed DMs
/// from server members: creating the DM channel still works, sending to it answers 403 50007,
/// exactly as Discord does.
public struct SimulatedUser: Sendable, Hashable {
    public var id: String
    public var username: String
    public var blocksDMs: Bool

    public init(id: String, username: String, blocksDMs: Bool = false) {
        self.id = id
        self.username = username
        self.blocksDMs = blocksDMs
    }
}

/// A role of the simulated guild. `isManageable` is false for a role at or above the bot's highest
/// role: Discord's hierarchy rule answers 403 50013 even when the bot has MANAGE_ROLES.
public struct SimulatedRole: Sendable, Hashable {
    public var id: String
    public var name: String
    public var isManageable: Bool

    public init(id: String, name: String, isManageable: Bool = true) {
        self.id = id
        self.name = name
        self.isManageable = isManageable
    }
}

/// A guild text channel. `isWritable` false is the scenario of a channel where the bot lacks
/// SEND_MESSAGES (403 50013). `isViewable` false is a channel the bot lacks VIEW_CHANNEL in:
/// Discord then answers reads, sends and edits in it with 403 50001.
public struct SimulatedChannel: Sendable, Hashable {
    public var id: String
    public var name: String
    public var isWritable: Bool
    public var isViewable: Bool

    public init(id: String, name: String, isWritable: Bool = true, isViewable: Bool = true) {
        self.id = id
        self.name = name
        self.isWritable = isWritable
        self.isViewable = isViewable
    }
}

/// A member of the simulated guild: a known user plus the roles they start with.
public struct SimulatedMember: Sendable, Hashable {
    public var userID: String
    public var roleIDs: Set<String>

    public init(userID: String, roleIDs: Set<String> = []) {
        self.userID = userID
        self.roleIDs = roleIDs
    }
}
