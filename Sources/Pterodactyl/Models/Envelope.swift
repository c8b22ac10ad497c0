/// `{"object": "<type>", "attributes": {...}}`, the panel's wrapper around every single item
/// (docs/PANEL-API.md §1.3).
struct Item<Attributes: Decodable>: Decodable {
    let object: String
    let attributes: Attributes
}

/// `{"object": "list", "data": [items], "meta": {...}}`. `meta` is absent on unpaginated lists.
struct ItemList<Attributes: Decodable>: Decodable {
    let object: String
    let data: [Item<Attributes>]
    let meta: ListMeta?
}

struct ListMeta: Decodable {
    let pagination: Pagination?
    /// Backups only: running plus successful backups, the number the limit is checked against.
    let backupCount: Int?

    private enum CodingKeys: String, CodingKey {
        case pagination
        case backupCount = "backup_count"
    }
}

/// `meta.pagination`. `links` is ignored: the application API drops filters from its next-page
/// URLs (docs/PANEL-API.md §1.3), so the client builds each page's URL itself from `current_page` and `total_pages`.
public struct Pagination: Sendable, Equatable, Decodable {
    public let total: Int
    public let count: Int
    public let perPage: Int
    public let currentPage: Int
    public let totalPages: Int

    private enum CodingKeys: String, CodingKey {
        case total, count
        case perPage = "per_page"
        case currentPage = "current_page"
        case totalPages = "total_pages"
    }
}

/// `relationships.<name>` when it is a list: `null_resource` (an include the key may not see)
/// decodes as `nil`.
struct OptionalList<Attributes: Decodable>: Decodable {
    let items: [Attributes]?

    private enum CodingKeys: String, CodingKey { case object, data }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if try container.decode(String.self, forKey: .object) == "list" {
            items = try container.decode([Item<Attributes>].self, forKey: .data).map(\.attributes)
        } else {
            items = nil
        }
    }
}
