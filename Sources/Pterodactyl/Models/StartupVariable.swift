/// One `egg_variable` of `GET /servers/{s}/startup` (docs/PANEL-API.md §3.7); only variables visible to users.
public struct StartupVariable: Sendable, Equatable, Decodable {
    public let name: String
    public let envVariable: String
    public let defaultValue: String
    /// `nil` when never set: the default applies.
    public let serverValue: String?
    public let isEditable: Bool
    /// Laravel rule string, e.g. `required|string|between:3,15`.
    public let rules: String

    /// What the server runs with: `server_value ?? default_value`.
    public var effectiveValue: String { serverValue ?? defaultValue }

    private enum CodingKeys: String, CodingKey {
        case name, rules
        case envVariable = "env_variable"
        case defaultValue = "default_value"
        case serverValue = "server_value"
        case isEditable = "is_editable"
    }
}
