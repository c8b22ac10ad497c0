/// Which mentions in `content` actually notify (docs `resources/message.mdx`, "Allowed Mentions").
///
/// Interactions and webhooks default to parsing user mentions; send `.nobody` (`{"parse":[]}`) or an
/// explicit list whenever content includes text a user typed. Listing `.users` in `parse` and also
/// giving `users` is a 400, which `validate()` catches first.
public struct AllowedMentions: Sendable, Hashable, Codable {
    public struct Kind: RawRepresentable, Sendable, Hashable, Codable {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }

        public static let users = Kind(rawValue: "users")
        public static let roles = Kind(rawValue: "roles")
        public static let everyone = Kind(rawValue: "everyone")
    }

    public var parse: [Kind]?
    public var users: [UserID]?
    public var roles: [RoleID]?
    public var repliedUser: Bool?

    public init(parse: [Kind]? = nil, users: [UserID]? = nil, roles: [RoleID]? = nil, repliedUser: Bool? = nil) {
        self.parse = parse
        self.users = users
        self.roles = roles
        self.repliedUser = repliedUser
    }

    /// Notifies nobody, whatever the content says. Not called `none`, which would read as
    /// `Optional.none` wherever an `AllowedMentions?` is expected and silently send nothing.
    public static var nobody: AllowedMentions { AllowedMentions(parse: []) }

    enum CodingKeys: String, CodingKey {
        case parse, users, roles
        case repliedUser = "replied_user"
    }
}
