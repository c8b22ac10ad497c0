/// An egg as the application API shows it (docs/PANEL-API.md §2.9): the panel's template of a kind
/// of server ("Paper", "Forge Minecraft", "Vanilla Minecraft", or one an administrator imported),
/// whose name tells the bot what kind of server it is lending.
public struct PanelEgg: Sendable, Equatable, Decodable {
    public let id: Int
    /// The nest (group of eggs) it belongs to.
    public let nest: Int
    public let name: String
}

/// An application server's `relationships.egg` as `include=egg` gives it. An application key
/// without read access to eggs gets `null_resource` there instead of the egg
/// (docs/PANEL-API.md §2.9), which decodes as a `nil` egg.
struct ApplicationServerEgg: Decodable {
    let identifier: String
    let egg: PanelEgg?

    private enum CodingKeys: String, CodingKey { case identifier, relationships }
    private enum RelationshipKeys: String, CodingKey { case egg }
    private enum ItemKeys: String, CodingKey { case object, attributes }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        identifier = try container.decode(String.self, forKey: .identifier)
        let relationships = try container.nestedContainer(keyedBy: RelationshipKeys.self, forKey: .relationships)
        let item = try relationships.nestedContainer(keyedBy: ItemKeys.self, forKey: .egg)
        egg = try item.decode(String.self, forKey: .object) == "egg" ? try item.decode(PanelEgg.self, forKey: .attributes) : nil
    }
}
