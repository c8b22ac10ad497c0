/// A server as the client API shows it (docs/PANEL-API.md §3.1), with what the bot tells a borrower.
public struct PanelServer: Sendable, Equatable, Decodable {
    public let identifier: String
    public let internalID: Int
    public let uuid: String
    public let name: String
    public let node: String
    public let status: String?
    public let isSuspended: Bool
    /// True while installing and after a failed first install.
    public let isInstalling: Bool
    public let featureLimits: FeatureLimits
    /// The build limits; nil when the answer carries none.
    public let limits: ServerLimits?
    public let sftp: SFTPDetails
    public let allocations: [Allocation]
    /// The Docker image the server runs in (`docker_image`); nil when the answer has none.
    public let dockerImage: String?

    /// Where players connect: the default allocation's alias if it has one, else its IP, and its
    /// port. The IP can be `0.0.0.0`, which is why the alias wins.
    public var connectionAddress: ConnectionAddress? {
        guard let primary = allocations.first(where: \.isDefault) else { return nil }
        let host = primary.ipAlias.flatMap { $0.isEmpty ? nil : $0 } ?? primary.ip
        return ConnectionAddress(host: host, port: primary.port)
    }

    private enum CodingKeys: String, CodingKey {
        case identifier, uuid, name, node, status, relationships, limits
        case dockerImage = "docker_image"
        case internalID = "internal_id"
        case isSuspended = "is_suspended"
        case isInstalling = "is_installing"
        case featureLimits = "feature_limits"
        case sftp = "sftp_details"
    }

    private enum RelationshipKeys: String, CodingKey { case allocations }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        identifier = try c.decode(String.self, forKey: .identifier)
        internalID = try c.decode(Int.self, forKey: .internalID)
        uuid = try c.decode(String.self, forKey: .uuid)
        name = try c.decode(String.self, forKey: .name)
        node = try c.decodeIfPresent(String.self, forKey: .node) ?? ""
        status = try c.decodeIfPresent(String.self, forKey: .status)
        isSuspended = try c.decodeIfPresent(Bool.self, forKey: .isSuspended) ?? false
        isInstalling = try c.decodeIfPresent(Bool.self, forKey: .isInstalling) ?? false
        featureLimits = try c.decodeIfPresent(FeatureLimits.self, forKey: .featureLimits) ?? FeatureLimits()
        limits = try? c.decodeIfPresent(ServerLimits.self, forKey: .limits)
        sftp = try c.decode(SFTPDetails.self, forKey: .sftp)
        dockerImage = try? c.decodeIfPresent(String.self, forKey: .dockerImage)
        let relationships = try? c.nestedContainer(keyedBy: RelationshipKeys.self, forKey: .relationships)
        allocations = (try? relationships?.decode(OptionalList<Allocation>.self, forKey: .allocations))?.items ?? []
    }
}

/// `limits` (docs/PANEL-API.md §2.7): memory and disk in MiB, CPU in percent of one core; 0 means unlimited.
public struct ServerLimits: Sendable, Equatable, Decodable {
    public let memory: Int
    public let disk: Int
    public let cpu: Int
}

public struct SFTPDetails: Sendable, Equatable, Decodable {
    /// The node's FQDN.
    public let ip: String
    public let port: Int
}

public struct Allocation: Sendable, Equatable, Decodable {
    public let id: Int
    public let ip: String
    public let ipAlias: String?
    public let port: Int
    public let notes: String?
    public let isDefault: Bool

    private enum CodingKeys: String, CodingKey {
        case id, ip, port, notes
        case ipAlias = "ip_alias"
        case isDefault = "is_default"
    }
}

public struct ConnectionAddress: Sendable, Equatable, CustomStringConvertible {
    public let host: String
    public let port: Int

    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    public var description: String { "\(host):\(port)" }
}
