/// A modal's labelled field (type 18): a title, an optional description and one child component
/// (a text input, a select, …). Discord's preferred modal shape since Text Inputs in Action Rows
/// were deprecated.
public struct Label: Sendable, Hashable, Codable {
    public var id: Int?
    public var label: String
    public var description: String?
    public var component: Component

    public init(id: Int? = nil, label: String, description: String? = nil, component: Component) {
        self.id = id
        self.label = label
        self.description = description
        self.component = component
    }
}
