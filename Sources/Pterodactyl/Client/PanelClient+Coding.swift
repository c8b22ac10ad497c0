import Foundation
import HTTP

extension PanelClient {
    /// Panel timestamps are ISO-8601 with a numeric offset and no fractional seconds (docs/PANEL-API.md §1.3).
    static func makeDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }

    static func encode(_ object: [String: JSONBody]) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(object)) ?? Data("{}".utf8)
    }

    func decode<T: Decodable>(_ type: T.Type, from response: HTTPResponse, operation: String) throws(PanelError) -> T {
        do {
            return try Self.makeDecoder().decode(T.self, from: response.body)
        } catch {
            throw PanelError(.invalidResponse, operation: operation)
        }
    }

    /// Sends and decodes a single `{"object", "attributes"}` item.
    func item<A: Decodable>(_ type: A.Type, _ route: PanelRoute, query: [(String, String)] = [], body: Data? = nil) async throws(PanelError) -> A {
        let response = try await send(route, query: query, body: body)
        return try decode(Item<A>.self, from: response, operation: route.name).attributes
    }

    /// Fetches every page of a paginated list, building each page's URL from the original query
    /// because the application API's `links` drop filters (docs/PANEL-API.md §1.3).
    func allPages<A: Decodable>(_ type: A.Type, _ route: PanelRoute, query: [(String, String)] = [], perPage: Int) async throws(PanelError) -> (items: [A], meta: ListMeta?) {
        var items: [A] = []
        var page = 1
        var lastMeta: ListMeta?
        while true {
            let response = try await send(route, query: query + [("page", String(page)), ("per_page", String(perPage))])
            let list = try decode(ItemList<A>.self, from: response, operation: route.name)
            items += list.data.map(\.attributes)
            lastMeta = list.meta
            guard let pagination = list.meta?.pagination, pagination.currentPage < pagination.totalPages, page < 10_000 else { break }
            page += 1
        }
        return (items, lastMeta)
    }
}

/// The few JSON shapes request bodies need, encoded with sorted keys so equal bodies are equal bytes.
enum JSONBody: Encodable {
    case string(String)
    case strings([String])
    case integer(Int)
    case bool(Bool)
    case null

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let value): try container.encode(value)
        case .strings(let value): try container.encode(value)
        case .integer(let value): try container.encode(value)
        case .bool(let value): try container.encode(value)
        case .null: try container.encodeNil()
        }
    }
}
