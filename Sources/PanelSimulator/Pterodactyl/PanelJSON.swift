import Foundation
import SimulatorSupport

/// The panel's envelopes and error bodies (docs/PANEL-API.md §1.3, §1.4), built as `SimulatorJSON`.
enum PanelJSON {
    static func item(_ object: String, _ attributes: SimulatorJSON, meta: SimulatorJSON? = nil) -> SimulatorJSON {
        var fields: [String: SimulatorJSON] = ["object": .string(object), "attributes": attributes]
        if let meta { fields["meta"] = meta }
        return .object(fields)
    }

    static func list(_ object: String, _ items: [SimulatorJSON], meta: SimulatorJSON? = nil) -> SimulatorJSON {
        var fields: [String: SimulatorJSON] = ["object": "list", "data": .array(items.map { item(object, $0) })]
        if let meta { fields["meta"] = meta }
        return .object(fields)
    }

    /// One page of `items` and its `meta.pagination`. `links` is `{}` on a single page; its URLs
    /// keep only `?page=N`, dropping filters, as the application API does.
    static func page(_ object: String, _ items: [SimulatorJSON], page: Int, perPage: Int, linkBase: String, extraMeta: [String: SimulatorJSON] = [:]) -> SimulatorJSON {
        let perPage = max(1, perPage)
        let totalPages = max(1, (items.count + perPage - 1) / perPage)
        let start = min(items.count, (max(1, page) - 1) * perPage)
        let slice = Array(items[start..<min(items.count, start + perPage)])
        var links: [String: SimulatorJSON] = [:]
        if page > 1 { links["previous"] = .string("\(linkBase)?page=\(page - 1)") }
        if page < totalPages { links["next"] = .string("\(linkBase)?page=\(page + 1)") }
        var meta = extraMeta
        meta["pagination"] = [
            "total": .integer(Int64(items.count)), "count": .integer(Int64(slice.count)), "per_page": .integer(Int64(perPage)),
            "current_page": .integer(Int64(page)), "total_pages": .integer(Int64(totalPages)), "links": .object(links),
        ]
        return list(object, slice, meta: .object(meta))
    }

    static func error(_ status: Int, code: String, detail: String, headers: [String: String] = [:]) -> SimulatedResponse {
        .json(status, ["errors": [["code": .string(code), "status": .string(String(status)), "detail": .string(detail)]]], headers: headers)
    }

    static let notFoundDetail = "The requested resource could not be found on the server."
    static let unauthorizedDetail = "This action is unauthorized."

    static func notFound() -> SimulatedResponse { error(404, code: "NotFoundHttpException", detail: notFoundDetail) }
    static func forbidden() -> SimulatedResponse { error(403, code: "AccessDeniedHttpException", detail: unauthorizedDetail) }
    static func badRequest(_ code: String, _ detail: String) -> SimulatedResponse { error(400, code: code, detail: detail) }

    /// ISO-8601 with a numeric offset and no fractional seconds, e.g. `2026-01-01T00:00:00+00:00`.
    static func timestamp(_ date: Date) -> SimulatorJSON {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm:ssxxx"
        return .string(formatter.string(from: date))
    }

    static func timestamp(_ date: Date?) -> SimulatorJSON {
        date.map { timestamp($0) } ?? .null
    }
}

/// Collects 422 entries, one per failed rule, as Laravel reports them (docs/PANEL-API.md §1.4).
struct Violations {
    private(set) var entries: [SimulatorJSON] = []

    mutating func add(_ field: String, rule: String, _ detail: String) {
        entries.append([
            "code": "ValidationException", "status": "422", "detail": .string(detail),
            "meta": ["source_field": .string(field), "rule": .string(rule)],
        ])
    }

    var isEmpty: Bool { entries.isEmpty }

    var response: SimulatedResponse? {
        entries.isEmpty ? nil : .json(422, ["errors": .array(entries)])
    }

    /// `required|string|max:191` on an optional body field; returns the string when it passed.
    mutating func requiredString(_ body: [String: SimulatorJSON], _ field: String, label: String? = nil, max: Int = 191) -> String? {
        guard let value = body[field], value != .null else {
            add(field, rule: "required", "The \(label ?? field.replacingOccurrences(of: "_", with: " ")) field is required.")
            return nil
        }
        // Present and not null: the nullable rules below decide the rest.
        return optionalString(body, field, label: label, max: max) ?? nil
    }

    /// `nullable|string|max:N`; `.some(nil)` for an absent or null value.
    mutating func optionalString(_ body: [String: SimulatorJSON], _ field: String, label: String? = nil, max: Int = 191) -> String?? {
        let label = label ?? field.replacingOccurrences(of: "_", with: " ")
        guard let value = body[field], value != .null else { return .some(nil) }
        guard let text = value.stringValue else {
            add(field, rule: "string", "The \(label) must be a string.")
            return nil
        }
        if text.count > max {
            add(field, rule: "max", "The \(label) may not be greater than \(max) characters.")
            return nil
        }
        return .some(text)
    }
}

extension SimulatorJSON {
    /// What Laravel's global middleware does to input (docs/PANEL-API.md §1.1): strings trimmed, `""` turned into null.
    var trimmedInput: SimulatorJSON {
        switch self {
        case .string(let text):
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            return trimmed.isEmpty ? .null : .string(trimmed)
        case .array(let items): return .array(items.map(\.trimmedInput))
        case .object(let fields): return .object(fields.mapValues(\.trimmedInput))
        default: return self
        }
    }
}
