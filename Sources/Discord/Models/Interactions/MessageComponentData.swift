/// `data` of a message component interaction (type 3): which button or select was used.
public struct MessageComponentData: Sendable, Hashable, Codable {
    public var customID: String
    public var componentType: ComponentType
    /// Selected option values, or snowflakes for entity selects; always present for selects.
    public var values: [String]?
    /// Entity selects only: the objects behind `values`.
    public var resolved: ResolvedData?

    public init(customID: String, componentType: ComponentType, values: [String]? = nil, resolved: ResolvedData? = nil) {
        self.customID = customID
        self.componentType = componentType
        self.values = values
        self.resolved = resolved
    }

    enum CodingKeys: String, CodingKey {
        case values, resolved
        case customID = "custom_id"
        case componentType = "component_type"
    }
}
