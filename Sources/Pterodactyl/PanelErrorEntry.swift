/// One entry of the panel's `{"errors": [...]}` body (docs/PANEL-API.md §1.4).
///
/// `status` is a string on the wire and is decoded to an integer here. Validation entries carry
/// `meta.source_field` (the original field name, dots kept) and `meta.rule` (snake_case, or `p_…`
/// for the panel's own rules). Any other key (`source`, `meta.trace` with `APP_DEBUG`) is ignored.
public struct PanelErrorEntry: Sendable, Equatable, Decodable {
    public let code: String
    public let status: Int?
    /// Human text; may echo submitted values, so only `PanelError.debugDescription` shows it.
    public let detail: String
    public let sourceField: String?
    public let rule: String?

    public init(code: String, status: Int?, detail: String, sourceField: String? = nil, rule: String? = nil) {
        self.code = code
        self.status = status
        self.detail = detail
        self.sourceField = sourceField
        self.rule = rule
    }

    private enum CodingKeys: String, CodingKey { case code, status, detail, meta }
    private enum MetaKeys: String, CodingKey { case sourceField = "source_field", rule }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        code = (try? container.decode(String.self, forKey: .code)) ?? "UnknownError"
        if let text = try? container.decode(String.self, forKey: .status) {
            status = Int(text)
        } else {
            status = try? container.decode(Int.self, forKey: .status)
        }
        detail = (try? container.decode(String.self, forKey: .detail)) ?? ""
        let meta = try? container.nestedContainer(keyedBy: MetaKeys.self, forKey: .meta)
        sourceField = try? meta?.decode(String.self, forKey: .sourceField)
        rule = try? meta?.decode(String.self, forKey: .rule)
    }
}

/// The body every JSON-rendered panel error has.
struct PanelErrorBody: Decodable {
    let errors: [PanelErrorEntry]
}
