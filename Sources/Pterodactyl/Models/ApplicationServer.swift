/// A server as the application API shows it (docs/PANEL-API.md §2.7): the bridge from the 8-character identifier
/// to the numeric id that application paths need.
public struct ApplicationServer: Sendable, Equatable, Decodable {
    public let id: Int
    public let externalID: String?
    public let uuid: String
    public let identifier: String
    public let name: String
    /// Free text shown in the panel; `""` when none (the panel stores a missing one as `""`, docs/PANEL-API.md §2.8).
    public let description: String
    /// `nil`, `installing`, `install_failed`, `reinstall_failed`, `suspended` or `restoring_backup`.
    public let status: String?
    /// The owner's user id.
    public let ownerID: Int
    public let featureLimits: FeatureLimits

    private enum CodingKeys: String, CodingKey {
        case id, uuid, identifier, name, description, status
        case externalID = "external_id"
        case ownerID = "user"
        case featureLimits = "feature_limits"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(Int.self, forKey: .id)
        externalID = try c.decodeIfPresent(String.self, forKey: .externalID)
        uuid = try c.decode(String.self, forKey: .uuid)
        identifier = try c.decode(String.self, forKey: .identifier)
        name = try c.decode(String.self, forKey: .name)
        description = try c.decodeIfPresent(String.self, forKey: .description) ?? ""
        status = try c.decodeIfPresent(String.self, forKey: .status)
        ownerID = try c.decode(Int.self, forKey: .ownerID)
        featureLimits = try c.decode(FeatureLimits.self, forKey: .featureLimits)
    }
}

/// `feature_limits`; every field may be null. A backup limit of 0 or null means backups are off,
/// not unlimited (docs/PANEL-API.md §3.3).
public struct FeatureLimits: Sendable, Equatable, Decodable {
    public let databases: Int?
    public let allocations: Int?
    public let backups: Int?

    public init(databases: Int? = nil, allocations: Int? = nil, backups: Int? = nil) {
        self.databases = databases
        self.allocations = allocations
        self.backups = backups
    }
}
