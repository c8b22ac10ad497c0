/// A select whose options Discord fills in: users (5), roles (6), mentionables (7) or channels (8).
/// The submitted `values` are snowflakes whose objects arrive in `resolved`.
public struct EntitySelect: Sendable, Hashable, Codable {
    public enum Kind: Sendable, Hashable {
        case user, role, mentionable, channel

        public var componentType: ComponentType {
            switch self {
            case .user: .userSelect
            case .role: .roleSelect
            case .mentionable: .mentionableSelect
            case .channel: .channelSelect
            }
        }

        public init?(componentType: ComponentType) {
            switch componentType {
            case .userSelect: self = .user
            case .roleSelect: self = .role
            case .mentionableSelect: self = .mentionable
            case .channelSelect: self = .channel
            default: return nil
            }
        }
    }

    /// A pre-selected entity: `type` is `"user"`, `"role"` or `"channel"`.
    public struct DefaultValue: Sendable, Hashable, Codable {
        public var id: AnySnowflake
        public var type: String

        public init(id: AnySnowflake, type: String) {
            self.id = id
            self.type = type
        }

        public static func user(_ id: UserID) -> DefaultValue { DefaultValue(id: id.converted(), type: "user") }
        public static func role(_ id: RoleID) -> DefaultValue { DefaultValue(id: id.converted(), type: "role") }
        public static func channel(_ id: ChannelID) -> DefaultValue { DefaultValue(id: id.converted(), type: "channel") }
    }

    /// Not a JSON field: `Component` writes it as the `type` number and sets it when decoding.
    public var kind: Kind = .user
    public var id: Int?
    public var customID: String
    public var placeholder: String?
    public var minValues: Int?
    public var maxValues: Int?
    public var isDisabled: Bool?
    public var isRequired: Bool?
    public var defaultValues: [DefaultValue]?
    /// Channel selects only: which channel types to offer.
    public var channelTypes: [Int]?

    public init(_ kind: Kind, id: Int? = nil, customID: String, placeholder: String? = nil, minValues: Int? = nil,
                maxValues: Int? = nil, isDisabled: Bool? = nil, isRequired: Bool? = nil,
                defaultValues: [DefaultValue]? = nil, channelTypes: [Int]? = nil) {
        self.kind = kind
        self.id = id
        self.customID = customID
        self.placeholder = placeholder
        self.minValues = minValues
        self.maxValues = maxValues
        self.isDisabled = isDisabled
        self.isRequired = isRequired
        self.defaultValues = defaultValues
        self.channelTypes = channelTypes
    }

    enum CodingKeys: String, CodingKey {
        case id, placeholder
        case customID = "custom_id"
        case minValues = "min_values"
        case maxValues = "max_values"
        case isDisabled = "disabled"
        case isRequired = "required"
        case defaultValues = "default_values"
        case channelTypes = "channel_types"
    }
}
