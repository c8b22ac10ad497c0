/// A pop-up form, sent as the `data` of a type-9 callback. Not allowed in reply to a modal submit.
public struct Modal: Sendable, Hashable, Codable {
    public var customID: String
    public var title: String
    /// 1–5 top-level components: `Label`s (preferred), `TextDisplay`s, or legacy action rows with a
    /// text input.
    public var components: [Component]

    public init(customID: String, title: String, components: [Component]) {
        self.customID = customID
        self.title = title
        self.components = components
    }

    enum CodingKeys: String, CodingKey {
        case title, components
        case customID = "custom_id"
    }
}
