/// A row of up to five buttons or exactly one select in a message. In modals Discord deprecated it
/// in favour of `Label`, but still accepts and sends it, so both directions keep it.
public struct ActionRow: Sendable, Hashable, Codable {
    public var id: Int?
    public var components: [Component]

    public init(id: Int? = nil, _ components: [Component]) {
        self.id = id
        self.components = components
    }
}
