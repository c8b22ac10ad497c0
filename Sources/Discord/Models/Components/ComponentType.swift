/// The `type` number of a component (Discord's documentation, "Component Reference", "Component Types").
///
/// A struct rather than an enum so that a type Discord adds later still decodes: the component around
/// it becomes `.unknown(type)` instead of failing the whole interaction.
public struct ComponentType: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    public let rawValue: Int

    public init(rawValue: Int) {
        self.rawValue = rawValue
    }

    public static let actionRow = ComponentType(rawValue: 1)
    public static let button = ComponentType(rawValue: 2)
    public static let stringSelect = ComponentType(rawValue: 3)
    public static let textInput = ComponentType(rawValue: 4)
    public static let userSelect = ComponentType(rawValue: 5)
    public static let roleSelect = ComponentType(rawValue: 6)
    public static let mentionableSelect = ComponentType(rawValue: 7)
    public static let channelSelect = ComponentType(rawValue: 8)
    public static let section = ComponentType(rawValue: 9)
    public static let textDisplay = ComponentType(rawValue: 10)
    public static let container = ComponentType(rawValue: 17)
    /// The modal wrapper that replaced Text Input's own `label`; Discord deprecated Text Inputs in
    /// Action Rows in its favour.
    public static let label = ComponentType(rawValue: 18)
    public static let fileUpload = ComponentType(rawValue: 19)
    public static let radioGroup = ComponentType(rawValue: 21)
    public static let checkboxGroup = ComponentType(rawValue: 22)
    public static let checkbox = ComponentType(rawValue: 23)

    public var description: String { String(rawValue) }
}
