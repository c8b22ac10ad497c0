/// A select menu of options the bot lists (type 3), in a message's action row or in a modal's label.
public struct StringSelect: Sendable, Hashable, Codable {
    public var id: Int?
    public var customID: String
    public var options: [SelectOption]
    public var placeholder: String?
    public var minValues: Int?
    public var maxValues: Int?
    public var isDisabled: Bool?
    /// Modal selects only: false lets the user submit without choosing.
    public var isRequired: Bool?

    public init(id: Int? = nil, customID: String, options: [SelectOption], placeholder: String? = nil,
                minValues: Int? = nil, maxValues: Int? = nil, isDisabled: Bool? = nil, isRequired: Bool? = nil) {
        self.id = id
        self.customID = customID
        self.options = options
        self.placeholder = placeholder
        self.minValues = minValues
        self.maxValues = maxValues
        self.isDisabled = isDisabled
        self.isRequired = isRequired
    }

    enum CodingKeys: String, CodingKey {
        case id, options, placeholder
        case customID = "custom_id"
        case minValues = "min_values"
        case maxValues = "max_values"
        case isDisabled = "disabled"
        case isRequired = "required"
    }
}
