/// Idempotent sub-user access (docs/PANEL-API.md §4: adding twice is a 400, deleting twice a 404).
extension PanelClient {
    /// Makes `email` a sub-user of `server` with exactly `permissions` (plus `websocket.connect`).
    /// An existing sub-user with another list is updated; one with the same list is left alone.
    /// Adding the server's owner fails with `rejected(status: 400, code: "UserIsServerOwnerException")`.
    public func ensureSubuser(on server: String, email: String, permissions: [String]) async throws(PanelError) -> Subuser {
        let wanted = try Self.checkedPermissions(permissions)
        if let existing = try await subusers(of: server).first(where: { EmailAddress.same($0.email, email) }) {
            return existing.permissions == wanted ? existing : try await updateSubuser(on: server, userUUID: existing.uuid, permissions: wanted)
        }
        do {
            return try await addSubuser(to: server, email: email, permissions: wanted)
        } catch where error.code == "ServerSubuserExistsException" {
            guard let existing = try await subusers(of: server).first(where: { EmailAddress.same($0.email, email) }) else { throw error }
            return try await updateSubuser(on: server, userUUID: existing.uuid, permissions: wanted)
        }
    }

    /// Revokes `email`'s access to `server`. Returns whether a sub-user was removed; absent (or
    /// removed concurrently, 404) is not an error.
    @discardableResult
    public func removeSubuser(from server: String, email: String) async throws(PanelError) -> Bool {
        guard let existing = try await subusers(of: server).first(where: { EmailAddress.same($0.email, email) }) else { return false }
        do {
            try await deleteSubuser(from: server, userUUID: existing.uuid)
            return true
        } catch where error.kind == .notFound {
            return false
        }
    }
}
