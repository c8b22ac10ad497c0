import Foundation
import SimulatorSupport

/// `PATCH /api/application/servers/{id}/details` (docs/PANEL-API.md §2.8): a full replace, so what the body leaves
/// out is cleared, not kept. The controller maps `user` onto the owner and turns a missing
/// description into `""` and a missing `external_id` into null.
extension PanelWorld {
    mutating func updateServerDetails(_ id: String, body: [String: SimulatorJSON]) -> SimulatedResponse {
        guard let serverID = Int(id), let index = servers.firstIndex(where: { $0.id == serverID }) else { return PanelJSON.notFound() }
        var violations = Violations()
        let name = violations.requiredString(body, "name")
        let owner = validatedOwner(body["user"], violations: &violations)
        let externalID = violations.optionalString(body, "external_id", label: "external id")
        if case .some(.some(let value)) = externalID,
           servers.contains(where: { $0.id != serverID && $0.externalID == value }) {
            violations.add("external_id", rule: "unique", "The external id has already been taken.")
        }
        let description = violations.optionalString(body, "description", max: 65_535)
        guard violations.isEmpty, let name, let owner, let externalID, let description else { return violations.response! }
        servers[index].name = name
        servers[index].ownerID = owner
        servers[index].externalID = externalID
        servers[index].description = description ?? ""
        return .json(200, PanelJSON.item("server", applicationServerAttributes(servers[index])))
    }

    /// `user`: `required|integer|exists:users,id`. Laravel's `integer` also takes a numeric string.
    private func validatedOwner(_ value: SimulatorJSON?, violations: inout Violations) -> Int? {
        guard let value, value != .null else {
            violations.add("user", rule: "required", "The user field is required.")
            return nil
        }
        guard let id = value.intValue ?? value.stringValue.flatMap({ Int($0) }) else {
            violations.add("user", rule: "integer", "The user must be an integer.")
            return nil
        }
        guard users.contains(where: { $0.id == id }) else {
            violations.add("user", rule: "exists", "The selected user is invalid.")
            return nil
        }
        return id
    }
}
