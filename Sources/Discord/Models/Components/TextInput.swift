/// A text field in a modal (type 4). Put it inside a `Label`; its own `label` field is deprecated
/// and only needed for the legacy Action Row shape.
public struct TextInput: Sendable, Hashable, Codable {
    public var id: Int?
    public var customID: String
    public var style: TextInputStyle
    /// Deprecated by Discord: set the wrapping `Label`'s text instead.
    public var label: String?
    public var value: String?
    public var placeholder: String?
    public var isRequired: Bool?
    public var minLength: Int?
    public var maxLength: Int?

    public init(id: Int? = nil, customID: String, style: TextInputStyle, label: String? = nil, value: String? = nil,
                placeholder: String? = nil, isRequired: Bool? = nil, minLength: Int? = nil, maxLength: Int? = nil) {
        self.id = id
        self.customID = customID
        self.style = style
        self.label = label
        self.value = value
        self.placeholder = placeholder
        self.isRequired = isRequired
        self.minLength = minLength
        self.maxLength = maxLength
    }

    enum CodingKeys: String, CodingKey {
        case id, style, label, value, placeholder
        case customID = "custom_id"
        case isRequired = "required"
        case minLength = "min_length"
        case maxLength = "max_length"
    }
}
